using TrackingMore.Api;

namespace TrackingMore.Tests;

/// <summary>
/// Simulated time for the client: nothing waits on the wall clock. By default every delay passes at once and moves
/// the clock on by its length, so a run's timeline (when each request started) can be read off afterwards; with
/// <see cref="AutoAdvance"/> off, delays wait until the test calls <see cref="Advance"/>.
/// </summary>
internal sealed class FakeClock : ApiClock
{
    private readonly object _lock = new();
    private readonly List<(TimeSpan Due, TaskCompletionSource Done)> _waiting = new();
    private TimeSpan _elapsed;

    public FakeClock(DateTimeOffset? start = null) => Start = start ?? new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start { get; }

    public bool AutoAdvance { get; set; } = true;

    /// <summary>Every delay asked for, in order.</summary>
    public List<TimeSpan> Delays { get; } = new();

    public int DelayCount
    {
        get { lock (_lock) return Delays.Count; }
    }

    public override TimeSpan Elapsed
    {
        get { lock (_lock) return _elapsed; }
    }

    public override DateTimeOffset UtcNow => Start + Elapsed;

    public override Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lock)
        {
            Delays.Add(delay);
            if (AutoAdvance || delay <= TimeSpan.Zero)
            {
                if (delay > TimeSpan.Zero) _elapsed += delay;
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Add((_elapsed + delay, done));
            cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
            return done.Task;
        }
    }

    /// <summary>Moves the clock on and ends the delays that are due by then.</summary>
    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_lock)
        {
            _elapsed += by;
            due = _waiting.Where(w => w.Due <= _elapsed).Select(w => w.Done).ToList();
            _waiting.RemoveAll(w => w.Due <= _elapsed);
        }
        foreach (var done in due) done.TrySetResult();
    }
}
