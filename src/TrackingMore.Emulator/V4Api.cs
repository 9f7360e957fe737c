namespace TrackingMore.Emulator;

/// <summary>
/// The /v4 face (pipeline in <see cref="ApiFace"/>), over the same store, accounts, log, faults and clock as /v2.
/// Order of checks (api-v4.md "More decisions"): route (exact path, else 404) → method (400) → key (401, 403 for a
/// forbidden key) → the endpoint's rate limit (429) → body.
/// </summary>
internal sealed class V4Api(EmulatorState state) : ApiFace(state)
{
    public const string Header = "Tracking-Api-Key";

    public override string Version => "v4";

    public override string KeyHeader => Header;

    private delegate Task Handler(IncomingRequest r);

    /// <param name="Name">The endpoint's name in the rate limit (one window per key and endpoint).</param>
    /// <param name="PerSecond">Its published limit (the rate-limit article): create 3/s, everything else 10/s.</param>
    private sealed record Route(string Method, string Name, int PerSecond, Handler Handler);

    private static readonly Dictionary<string, Route> Fixed = new(StringComparer.Ordinal)
    {
        ["trackings/create"] = new("POST", "create", 3, V4Trackings.Create),
        ["trackings/batch"] = new("POST", "batch", 10, V4Trackings.Batch),
        ["trackings/get"] = new("GET", "get", 10, V4Trackings.List),
        ["couriers/all"] = new("GET", "couriers/all", 10, V4Lookups.AllCouriers),
        ["couriers/detect"] = new("POST", "couriers/detect", 10, V4Lookups.Detect),
        ["awb"] = new("POST", "awb", 10, V4Lookups.AirWaybill),
    };

    /// <summary>The by-id endpoints, /trackings/{action}/{id}.</summary>
    private static readonly Dictionary<string, Route> ById = new(StringComparer.Ordinal)
    {
        ["update"] = new("PUT", "update", 10, V4Trackings.Update),
        ["delete"] = new("DELETE", "delete", 10, V4Trackings.Delete),
        ["retrack"] = new("POST", "retrack", 10, V4Trackings.Retrack),
    };

    protected override Task WriteServerErrorAsync(HttpContext http, RequestRecord record) =>
        V4Codes.WriteAsync(http, record, V4Codes.ServerError, null);

    /// <summary>meta429 (HTTP 200) and http429 answer with v4's own 429 envelope.</summary>
    protected override async Task<bool> TryRespondToFaultAsync(HttpContext http, FaultRule fault, RequestRecord record)
    {
        if (fault.Action is not (FaultAction.Meta429 or FaultAction.Http429)) return false;
        if (fault.RetryAfter is { } seconds) http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await V4Codes.WriteAsync(http, record, V4Codes.RateLimited, null, fault.Action == FaultAction.Meta429 ? 200 : 429);
        return true;
    }

    protected override Task DispatchAsync(HttpContext http, Account? account, RequestRecord record, byte[] body, string[] segments, FaultRule? fault)
    {
        var route = Find(record.Path, segments);
        if (route is null) return V4Codes.WriteAsync(http, record, V4Codes.NotFoundUrl, null);
        if (!route.Method.Equals(http.Request.Method, StringComparison.OrdinalIgnoreCase))
            return V4Codes.WriteAsync(http, record, V4Codes.RequestType, null);
        var key = http.Request.Headers[Header].ToString();
        if (State.Options.ForbiddenKeys.Contains(key)) return V4Codes.WriteAsync(http, record, V4Codes.Forbidden, null);
        if (account is null) return V4Codes.WriteAsync(http, record, V4Codes.Unauthorized, null);
        if (!account.TryAcceptV4(route.Name, route.PerSecond, record.StartedTimestamp, State.Options.RateToleranceMs))
            return V4Codes.WriteAsync(http, record, V4Codes.RateLimited, null);

        return route.Handler(Authenticated(http, account, record, body, segments, fault));
    }

    /// <summary>Paths match exactly: no empty segment ("//"), no trailing "/", case as published.</summary>
    private static Route? Find(string rawPath, string[] segments)
    {
        if (rawPath.EndsWith('/') || rawPath.Contains("//", StringComparison.Ordinal)) return null;
        if (Fixed.TryGetValue(string.Join('/', segments), out var route)) return route;
        return segments.Length == 3 && segments[0] == "trackings" && ById.TryGetValue(segments[1], out route) ? route : null;
    }
}
