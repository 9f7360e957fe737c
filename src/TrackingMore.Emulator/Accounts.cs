using System.Diagnostics;

namespace TrackingMore.Emulator;

/// <summary>
/// One account per API key: its quota and its own rate-limit buckets. Rate limits run on real time (a client
/// cannot wait in simulated seconds), except the per-shipment realtime limit, which the API states in hours and
/// which is therefore measured on the simulated clock.
/// </summary>
internal sealed class Account(int index, int quota, long registeredAt)
{
    private readonly Lock _gate = new();
    private long _lastListAccepted = long.MinValue;
    private readonly Queue<long> _realtimeAccepted = new();
    private readonly Dictionary<TrackingKey, long> _realtimeByShipment = [];
    private int _quota = quota;

    public string Email { get; } = index == 0 ? "demo@example.com" : $"demo{index + 1}@example.com";
    public long RegisteredAt { get; } = registeredAt;
    public int QuotaLeft => Volatile.Read(ref _quota);

    /// <summary>Takes one unit of quota for a new tracking; false when it is used up (4021).</summary>
    public bool TryUseQuota()
    {
        while (true)
        {
            var q = Volatile.Read(ref _quota);
            if (q <= 0) return false;
            if (Interlocked.CompareExchange(ref _quota, q - 1, q) == q) return true;
        }
    }

    /// <summary>
    /// GET /trackings/get: a request starting less than <paramref name="intervalMs"/> (less the tolerance) after the
    /// previous <em>accepted</em> one is refused; refused requests do not push the window.
    /// </summary>
    public bool TryAcceptList(long startedTimestamp, int intervalMs, int toleranceMs)
    {
        if (intervalMs <= 0) return true;
        lock (_gate)
        {
            if (_lastListAccepted != long.MinValue &&
                Stopwatch.GetElapsedTime(_lastListAccepted, startedTimestamp).TotalMilliseconds < intervalMs - toleranceMs)
                return false;
            _lastListAccepted = startedTimestamp;
            return true;
        }
    }

    /// <summary>POST /trackings/realtime: at most three accepted requests in any real second (less the tolerance).</summary>
    public bool TryAcceptRealtime(long startedTimestamp, int toleranceMs)
    {
        lock (_gate) return TryAcceptInWindow(_realtimeAccepted, 3, startedTimestamp, 1000 - toleranceMs);
    }

    private readonly Dictionary<string, Queue<long>> _v4Accepted = new(StringComparer.Ordinal);

    /// <summary>
    /// A v4 endpoint's limit: at most <paramref name="perSecond"/> requests of this key to <paramref name="endpoint"/>
    /// in any sliding real second. Every request that passed the key check counts, whatever it answered; a refused
    /// one does not (no lock-out after a 429).
    /// </summary>
    public bool TryAcceptV4(string endpoint, int perSecond, long startedTimestamp, int toleranceMs)
    {
        lock (_gate)
        {
            if (!_v4Accepted.TryGetValue(endpoint, out var accepted)) _v4Accepted[endpoint] = accepted = new Queue<long>();
            return TryAcceptInWindow(accepted, perSecond, startedTimestamp, 1000 - toleranceMs);
        }
    }

    /// <summary>
    /// A sliding window of <paramref name="windowMs"/> (a second, less any tolerance) over the accepted requests'
    /// start times (caller holds the lock).
    /// </summary>
    private static bool TryAcceptInWindow(Queue<long> accepted, int perSecond, long startedTimestamp, int windowMs)
    {
        while (accepted.Count > 0 && Stopwatch.GetElapsedTime(accepted.Peek(), startedTimestamp).TotalMilliseconds >= windowMs)
            accepted.Dequeue();
        if (accepted.Count >= perSecond) return false;
        accepted.Enqueue(startedTimestamp);
        return true;
    }

    /// <summary>POST /trackings/realtime: the same shipment at most once per two simulated hours.</summary>
    public bool TryAcceptShipmentRefresh(TrackingKey key, long simNow)
    {
        lock (_gate)
        {
            if (_realtimeByShipment.TryGetValue(key, out var last) && simNow - last < 2 * 3600) return false;
            _realtimeByShipment[key] = simNow;
            return true;
        }
    }
}

internal sealed class Accounts
{
    private readonly Dictionary<string, Account> _byKey = new(StringComparer.Ordinal);

    public Accounts(IEnumerable<string> keys, int quota, long registeredAt)
    {
        var i = 0;
        foreach (var key in keys.Distinct(StringComparer.Ordinal))
        {
            _byKey[key] = new Account(i, quota, registeredAt - i * 86400L);
            i++;
        }
    }

    public Account? Find(string? key) => key is not null && _byKey.TryGetValue(key, out var a) ? a : null;
}
