using System.Diagnostics;

namespace TrackingMore.Emulator;

/// <summary>
/// Simulated time: start (the machine's clock plus an offset, which may be negative) + real elapsed × time-scale +
/// manual advances. Every shipment state is computed from this clock on read, so there are no timers, and advancing
/// the clock moves every shipment at once. The offset stands for a service whose clock differs from the client's.
/// </summary>
internal sealed class SimClock(double timeScale, long offsetSeconds = 0)
{
    private readonly long _startUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() + offsetSeconds * 1000;
    private readonly Stopwatch _real = Stopwatch.StartNew();
    private long _advancedMs;

    public double TimeScale { get; } = timeScale;

    public long NowUnixMs =>
        _startUnixMs + (long)(_real.Elapsed.TotalMilliseconds * TimeScale) + Interlocked.Read(ref _advancedMs);

    public long NowUnixSeconds => NowUnixMs / 1000;

    public long AdvancedSeconds => Interlocked.Read(ref _advancedMs) / 1000;

    /// <summary>
    /// Time only moves forward: shipments never go back to an earlier state. False, and no move, when the clock
    /// would then stand more than <paramref name="maxTotalSeconds"/> ahead in all (dates must stay printable).
    /// </summary>
    public bool TryAdvance(long seconds, long maxTotalSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        while (true)
        {
            var before = Interlocked.Read(ref _advancedMs);
            if (seconds > maxTotalSeconds || before / 1000 > maxTotalSeconds - seconds) return false;
            if (Interlocked.CompareExchange(ref _advancedMs, before + seconds * 1000, before) == before) return true;
        }
    }
}
