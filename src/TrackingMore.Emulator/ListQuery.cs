using System.Globalization;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// The filters of GET /trackings/get (and getstatusnumber), read from the query string and from a JSON body
/// (the official SDKs send a body); a body value wins over the same query parameter.
/// </summary>
internal sealed class ListQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 2000;

    public int Page { get; private set; } = 1;
    public int Limit { get; private set; } = DefaultLimit;

    private Status? _status;
    private long? _createdMin, _createdMax, _updatedMin, _updatedMax, _orderMin, _orderMax;
    private HashSet<string>? _numbers, _orders;
    private bool? _archived;

    public static int TryParse(IncomingRequest r, out ListQuery query)
    {
        query = new ListQuery();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in r.Http.Request.Query) values[name] = value.ToString();

        if (r.Body.Length > 0)
        {
            // A body that is not JSON is refused as everywhere else (4015); a blank one counts as no body.
            var content = Inputs.ReadJson(r.Body, out var body);
            if (content == BodyContent.NotJson) return Inputs.RefusalCode(content);
            if (content == BodyContent.Json)
            {
                if (body.ValueKind != JsonValueKind.Object) return ApiCodes.MissingParameters;
                foreach (var p in body.EnumerateObject())
                {
                    var text = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString(),
                        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                        JsonValueKind.Array => string.Join(',', p.Value.EnumerateArray().Select(e =>
                            e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                        _ => null,
                    };
                    if (text is not null) values[p.Name] = text;
                }
            }
        }
        return query.Read(values);
    }

    private int Read(Dictionary<string, string> v)
    {
        string? Get(string name) => v.TryGetValue(name, out var s) && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

        bool Int(string name, out long? value, long min)
        {
            value = null;
            var s = Get(name);
            if (s is null) return true;
            if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min)
            {
                value = n;
                return true;
            }
            return false;
        }

        if (!Int("page", out var page, 1) || !Int("limit", out var limit, 1)) return ApiCodes.MissingParameters;
        Page = (int)Math.Min(page ?? 1, int.MaxValue / MaxLimit);
        Limit = (int)Math.Min(limit ?? DefaultLimit, MaxLimit);

        foreach (var (name, set) in new (string, Action<long?>)[]
                 {
                     ("created_at_min", x => _createdMin = x), ("created_at_max", x => _createdMax = x),
                     ("update_time_min", x => _updatedMin = x), ("update_time_max", x => _updatedMax = x),
                     ("order_created_time_min", x => _orderMin = x), ("order_created_time_max", x => _orderMax = x),
                 })
        {
            if (!Int(name, out var seconds, 0)) return ApiCodes.MissingParameters;
            set(seconds);
        }

        if (Get("status") is { } status)
        {
            if (!StatusNames.TryParse(status, out var st)) return ApiCodes.MissingParameters;
            _status = st;
        }

        _archived = Get("archived")?.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };

        foreach (var (name, set) in new (string, Action<HashSet<string>>)[]
                 {
                     ("numbers", x => _numbers = x), ("orders", x => _orders = x),
                 })
        {
            if (Get(name) is not { } list) continue;
            var items = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
            if (items.Count > ApiCodes.BulkLimit) return ApiCodes.TooMany;
            set(items);
        }
        return 0;
    }

    /// <summary>The predicate for these filters at simulated instant <paramref name="now"/>; null when there are none.</summary>
    public Func<StoredTracking, bool>? Filter(long now)
    {
        var needsState = _status is not null || _updatedMin is not null || _updatedMax is not null;
        var any = needsState || _createdMin is not null || _createdMax is not null || _orderMin is not null ||
                  _orderMax is not null || _numbers is not null || _orders is not null || _archived is not null;
        if (!any) return null;

        return t =>
        {
            if (t.CreatedAt < _createdMin || t.CreatedAt > _createdMax) return false;
            if (_archived is { } archived && t.Archived != archived) return false;
            if (_numbers is not null && !_numbers.Contains(t.Number)) return false;
            if (_orders is not null && !_orders.Contains(SeedProfile.OrderIdOf(t) ?? "")) return false;
            if (_orderMin is not null || _orderMax is not null)
            {
                var ordered = SeedProfile.OrderCreatedUnixOf(t);
                if (ordered is null || ordered < _orderMin || ordered > _orderMax) return false;
            }
            if (needsState)
            {
                var s = Simulation.Evaluate(t, now);
                if (_status is { } status && s.Status != status) return false;
                var updated = Math.Max(s.ChangedAt, t.CreatedAt);
                if (updated < _updatedMin || updated > _updatedMax) return false;
            }
            return true;
        };
    }
}
