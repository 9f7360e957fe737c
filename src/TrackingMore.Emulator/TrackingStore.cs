namespace TrackingMore.Emulator;

/// <summary>
/// All trackings, shared by every API key. One lock guards the index and the ordered list; operations are short,
/// and list pages are rendered outside the lock from the references collected under it.
/// </summary>
internal sealed class TrackingStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TrackingKey, StoredTracking> _byKey = [];

    /// <summary>The same trackings by id: v4 updates, deletes and retracks by id.</summary>
    private readonly Dictionary<(ulong High, ulong Low), StoredTracking> _byId = [];

    /// <summary>
    /// Ascending by (created_at, id descending): the list order (created_at descending, then id ascending) is this
    /// list read backwards, and new trackings, being the newest, are appended at the end.
    /// </summary>
    private readonly List<StoredTracking> _ordered = [];

    private static readonly Comparer<StoredTracking> Order = Comparer<StoredTracking>.Create(static (a, b) =>
    {
        var c = a.CreatedAt.CompareTo(b.CreatedAt);
        if (c != 0) return c;
        c = b.IdHigh.CompareTo(a.IdHigh);
        return c != 0 ? c : b.IdLow.CompareTo(a.IdLow);
    });

    public int Count
    {
        get { lock (_gate) return _ordered.Count; }
    }

    /// <summary>Adds many at once (seeding): one sort instead of one insert each.</summary>
    public void AddRange(IReadOnlyCollection<StoredTracking> trackings)
    {
        lock (_gate)
        {
            _byKey.EnsureCapacity(_byKey.Count + trackings.Count);
            _byId.EnsureCapacity(_byId.Count + trackings.Count);
            foreach (var t in trackings)
            {
                if (!_byKey.TryAdd(t.Key, t)) continue;
                _byId[(t.IdHigh, t.IdLow)] = t;
                _ordered.Add(t);
            }
            _ordered.Sort(Order);
        }
    }

    public bool TryGet(TrackingKey key, out StoredTracking tracking)
    {
        lock (_gate) return _byKey.TryGetValue(key, out tracking!);
    }

    /// <returns>false when a tracking with the same carrier and number exists.</returns>
    public bool TryAdd(StoredTracking t)
    {
        lock (_gate)
        {
            if (!_byKey.TryAdd(t.Key, t)) return false;
            _byId[(t.IdHigh, t.IdLow)] = t;
            var at = _ordered.BinarySearch(t, Order);
            _ordered.Insert(at < 0 ? ~at : at, t);
            return true;
        }
    }

    public bool TryRemove(TrackingKey key, out StoredTracking tracking)
    {
        lock (_gate)
        {
            if (!_byKey.Remove(key, out tracking!)) return false;
            _byId.Remove((tracking.IdHigh, tracking.IdLow));
            var at = _ordered.BinarySearch(tracking, Order);
            _ordered.RemoveAt(at);
            return true;
        }
    }

    public bool TryGet((ulong High, ulong Low) id, out StoredTracking tracking)
    {
        lock (_gate) return _byId.TryGetValue(id, out tracking!);
    }

    /// <summary>Applies a change to the tracking with this id under the lock; false when there is none.</summary>
    public bool TryUpdate((ulong High, ulong Low) id, Func<StoredTracking, int> change, out int code, out StoredTracking? tracking)
    {
        lock (_gate)
        {
            code = 0;
            if (!_byId.TryGetValue(id, out tracking)) return false;
            code = change(tracking);
            return true;
        }
    }

    /// <summary>Applies a change under the lock. The callback returns a meta code: 0 means success.</summary>
    public int Update(TrackingKey key, Func<StoredTracking, int> change, out StoredTracking? tracking)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out tracking)) return ApiCodes.NotExists;
            return change(tracking);
        }
    }

    /// <summary>Moves a tracking to another carrier code (its route stays the same).</summary>
    public int ChangeCarrier(TrackingKey key, short newCarrier, long now)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var t)) return ApiCodes.NotExists;
            if (newCarrier == t.Carrier) return 0;
            var newKey = new TrackingKey(newCarrier, t.Number);
            if (_byKey.ContainsKey(newKey)) return ApiCodes.AlreadyExists;
            _byKey.Remove(key);
            t.Carrier = newCarrier;
            t.EditedAt = now;
            _byKey.Add(newKey, t);
            return 0;
        }
    }

    /// <summary>
    /// Collects one page of the trackings that pass <paramref name="filter"/>, in list order, and the total count.
    /// </summary>
    public StoredTracking[] Page(Func<StoredTracking, bool>? filter, int page, int limit, out int total) =>
        Slice(filter, (long)(page - 1) * limit, limit, out total);

    /// <summary>Up to <paramref name="limit"/> trackings that pass the filter, from list position <paramref name="skip"/> on.</summary>
    public StoredTracking[] Slice(Func<StoredTracking, bool>? filter, long skip, int limit, out int total)
    {
        lock (_gate)
        {
            if (filter is null)
            {
                total = _ordered.Count;
                var first = _ordered.Count - 1 - skip;
                var n = (int)Math.Clamp(first + 1, 0, limit);
                var unfiltered = new StoredTracking[n];
                for (var k = 0; k < n; k++) unfiltered[k] = _ordered[(int)first - k];
                return unfiltered;
            }

            var items = new List<StoredTracking>(Math.Min(limit, 256));
            var matched = 0;
            for (var k = _ordered.Count - 1; k >= 0; k--)
            {
                var t = _ordered[k];
                if (!filter(t)) continue;
                if (matched >= skip && items.Count < limit) items.Add(t);
                matched++;
            }
            total = matched;
            return [.. items];
        }
    }

    /// <summary>Visits every tracking under the lock (status counts).</summary>
    public void ForEach(Action<StoredTracking> visit)
    {
        lock (_gate)
        {
            foreach (var t in _ordered) visit(t);
        }
    }
}
