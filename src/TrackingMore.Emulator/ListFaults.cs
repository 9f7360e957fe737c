namespace TrackingMore.Emulator;

/// <summary>
/// Hostile pages of GET/POST /trackings/get: the request is processed as usual (rate limit, filters, total) and
/// only the items of the answer change, so a client's paging loop meets a server that never lets it finish
/// (repeat-page, overlong-page, cycle-pages) or that repeats ids across pages (duplicate-ids).
/// </summary>
internal static class ListFaults
{
    public static bool Shapes(FaultAction action) =>
        action is FaultAction.RepeatPage or FaultAction.OverlongPage or FaultAction.DuplicateIds or FaultAction.CyclePages;

    /// <summary>Only list requests meet these rules (a rule path "/trackings/get" also prefixes getuserinfo).</summary>
    public static bool IsListPath(string pathBelowV2) =>
        pathBelowV2.TrimEnd('/').Equals("/trackings/get", StringComparison.OrdinalIgnoreCase);

    /// <summary>The items to send instead of <paramref name="page"/> (the normal page) under the list fault, if any.</summary>
    public static StoredTracking[] Reshape(FaultRule? fault, TrackingStore store, Func<StoredTracking, bool>? filter, ListQuery q, StoredTracking[] page) =>
        Reshape(fault, store, filter, q.Page, q.Limit, page);

    /// <summary>The same for a page number and size of either version (v4: pages_amount, items_amount).</summary>
    public static StoredTracking[] Reshape(FaultRule? fault, TrackingStore store, Func<StoredTracking, bool>? filter, int pageNumber, int limit, StoredTracking[] page)
    {
        var q = (Page: pageNumber, Limit: limit);
        var skip = (long)(q.Page - 1) * q.Limit;
        switch (fault?.Action)
        {
            case FaultAction.RepeatPage:
                return q.Page == 1 ? page : store.Slice(filter, 0, q.Limit, out _);
            case FaultAction.CyclePages:
                // Page n is page ((n - 1) mod cycle) + 1: A, B, A, B ... or A, B, C, A ..., each page full and valid.
                return store.Slice(filter, (long)((q.Page - 1) % fault.Cycle!.Value) * q.Limit, q.Limit, out _);
            case FaultAction.OverlongPage:
                return Overlong(store, filter, skip, q.Limit + fault.Extra!.Value);
            case FaultAction.DuplicateIds when q.Page > 1 && page.Length > 0:
                // The first item of page 1 on every page, then the previous page's last item, then the page, cut to
                // the limit: a server whose list shifted under the client, not one that sends more than asked for.
                var sticky = store.Slice(filter, 0, 1, out _);
                var previousLast = store.Slice(filter, skip - 1, 1, out _);
                StoredTracking[] shifted = [.. sticky, .. previousLast.Where(t => !sticky.Contains(t)), .. page];
                return shifted.Length > q.Limit ? shifted[..q.Limit] : shifted;
            default:
                return page;
        }
    }

    /// <summary>
    /// <paramref name="want"/> items from position <paramref name="skip"/>; when the store runs out, the items found
    /// (or page 1's, past the end) come again under fresh ids, so every page is over-long. An empty result stays empty.
    /// </summary>
    private static StoredTracking[] Overlong(TrackingStore store, Func<StoredTracking, bool>? filter, long skip, int want)
    {
        var found = store.Slice(filter, skip, want, out _);
        if (found.Length == want) return found;
        var pool = found.Length > 0 ? found : store.Slice(filter, 0, want, out _);
        if (pool.Length == 0) return found;
        var items = new StoredTracking[want];
        found.CopyTo(items, 0);
        for (var k = found.Length; k < want; k++)
        {
            var original = pool[k % pool.Length];
            var salt = (ulong)skip + (ulong)k;
            items[k] = original.WithId(StableHash.Mix(original.IdHigh, salt), StableHash.Mix(original.IdLow, salt));
        }
        return items;
    }
}
