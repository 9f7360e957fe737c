using System.Globalization;
using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>
/// The query of GET /v4/trackings/get (api-v4.md "More decisions", List): items_amount default 100, cap 200;
/// pages_amount default 1; empty values ignored; lang ignored; no archived_status means both; bounds inclusive.
/// </summary>
internal sealed partial class V4ListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 200;

    /// <summary>api-v4.md "Statuses": the nine main statuses.</summary>
    private static readonly string[] Statuses =
        ["inforeceived", "transit", "pickup", "undelivered", "delivered", "notfound", "exception", "expired", "pending"];

    public int Page { get; private set; } = 1;
    public int Limit { get; private set; } = DefaultLimit;

    private HashSet<string>? _numbers;
    private short _courier = -1;
    private string? _status;
    private bool? _archived;
    private long? _createdMin, _createdMax, _updatedMin, _updatedMax;

    /// <returns>0, or 4130 (a bad value), 4120 (an unknown courier), 4103 (over 40 numbers).</returns>
    public static int TryParse(IQueryCollection query, out V4ListQuery parsed)
    {
        var q = parsed = new V4ListQuery();
        string? Get(string name) => query.TryGetValue(name, out var v) && v.ToString() is { Length: > 0 } s ? s : null;

        foreach (var (name, set) in new (string, Action<int>)[] { ("pages_amount", x => q.Page = x), ("items_amount", x => q.Limit = Math.Min(x, MaxLimit)) })
        {
            if (Get(name) is not { } text) continue;
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1) return V4Codes.InvalidField;
            // Pages beyond what a store can hold are simply empty.
            set((int)Math.Min(n, int.MaxValue / MaxLimit));
        }

        foreach (var (name, set) in new (string, Action<long>)[]
                 {
                     ("created_date_min", x => q._createdMin = x), ("created_date_max", x => q._createdMax = x),
                     ("updated_date_min", x => q._updatedMin = x), ("updated_date_max", x => q._updatedMax = x),
                 })
        {
            if (Get(name) is not { } text) continue;
            if (!IsoWithOffset().IsMatch(text) ||
                !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
                return V4Codes.InvalidField;
            set(at.ToUnixTimeSeconds());
        }

        if (Get("delivery_status") is { } status)
        {
            if (!Statuses.Contains(status, StringComparer.Ordinal)) return V4Codes.InvalidField;
            q._status = status;
        }
        if (Get("archived_status") is { } archived)
        {
            if (archived is not ("tracking" or "archived")) return V4Codes.InvalidField;
            q._archived = archived == "archived";
        }
        if (Get("courier_code") is { } courier)
        {
            q._courier = Carriers.IndexOf(courier);
            if (q._courier < 0) return V4Codes.InvalidCourier;
        }
        if (Get("tracking_numbers") is { } numbers)
        {
            q._numbers = numbers.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (q._numbers.Count > V4Codes.BulkLimit) return V4Codes.TooMany;
        }
        return 0;
    }

    /// <summary>ISO 8601 with an offset or Z; a "+" that arrived as a space (not percent-encoded) does not match.</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex IsoWithOffset();

    /// <summary>The predicate at simulated instant <paramref name="now"/>; null when nothing filters.</summary>
    public Func<StoredTracking, bool>? Filter(long now)
    {
        var needsState = _status is not null || _updatedMin is not null || _updatedMax is not null;
        if (!needsState && _numbers is null && _courier < 0 && _archived is null && _createdMin is null && _createdMax is null)
            return null;
        return t =>
        {
            if (t.CreatedAt < _createdMin || t.CreatedAt > _createdMax) return false;
            if (_courier >= 0 && t.Carrier != _courier) return false;
            if (_archived is { } archived && t.Archived != archived) return false;
            if (_numbers is not null && !_numbers.Contains(t.Number)) return false;
            if (!needsState) return true;
            var s = Simulation.Evaluate(t, now);
            if (_status is not null && V4Json.StatusOf(t, s).Status != _status) return false;
            var updated = Math.Max(s.ChangedAt, t.CreatedAt);
            return updated >= (_updatedMin ?? long.MinValue) && updated <= (_updatedMax ?? long.MaxValue);
        };
    }
}
