namespace TrackingMore.Emulator;

/// <summary>The /v2 face (pipeline in <see cref="ApiFace"/>): authentication, then routing.</summary>
internal sealed class V2Api(EmulatorState state) : ApiFace(state)
{
    public const string Header = "Trackingmore-Api-Key";

    public override string Version => "v2";

    public override string KeyHeader => Header;

    private delegate Task Handler(IncomingRequest r);

    private sealed record Route(string[] Methods, Handler Handler);

    private const char Separator = '\u0001';

    /// <summary>Fixed paths, keyed by their segments joined with <see cref="Separator"/>.</summary>
    private static readonly Dictionary<string, Route> Fixed = new(StringComparer.OrdinalIgnoreCase)
    {
        [Key("trackings", "post")] = new(["POST"], TrackingEndpoints.Create),
        [Key("trackings", "batch")] = new(["POST"], TrackingEndpoints.Batch),
        // The official SDKs send list filters as a JSON body, which some HTTP stacks turn into a POST.
        [Key("trackings", "get")] = new(["GET", "POST"], TrackingEndpoints.List),
        [Key("trackings", "updatemore")] = new(["POST"], TrackingEndpoints.UpdateMore),
        [Key("trackings", "delete")] = new(["POST"], TrackingEndpoints.DeleteMany),
        [Key("trackings", "notupdate")] = new(["POST"], TrackingEndpoints.NotUpdate),
        [Key("trackings", "update")] = new(["POST"], TrackingEndpoints.ChangeCarrier),
        [Key("trackings", "realtime")] = new(["POST"], TrackingEndpoints.Realtime),
        [Key("trackings", "getstatusnumber")] = new(["GET", "POST"], TrackingEndpoints.StatusNumber),
        [Key("trackings", "getuserinfo")] = new(["GET"], ServiceEndpoints.UserInfo),
        [Key("trackings", "remote")] = new(["POST"], ServiceEndpoints.Remote),
        [Key("trackings", "costtime")] = new(["POST"], ServiceEndpoints.CostTime),
        [Key("trackings", "aircargo")] = new(["POST"], ServiceEndpoints.AirCargo),
        [Key("carriers")] = new(["GET"], CarrierEndpoints.List),
        [Key("carriers", "detect")] = new(["POST"], CarrierEndpoints.Detect),
    };

    private static readonly Route OneTracking = new(["GET", "PUT", "DELETE"], TrackingEndpoints.One);
    private static readonly Route OneTrackingWithLang = new(["GET"], TrackingEndpoints.One);

    private static string Key(params string[] segments) => string.Join(Separator, segments);

    protected override Task WriteServerErrorAsync(HttpContext http, RequestRecord record) =>
        Envelope.WriteAsync(http, record, State.Options.HttpErrors, ApiCodes.ServerError, null, null);

    /// <summary>v2 checks the key first, then the route.</summary>
    protected override Task DispatchAsync(HttpContext http, Account? account, RequestRecord record, byte[] body, string[] segments, FaultRule? fault)
    {
        if (account is null)
            return Envelope.WriteAsync(http, record, State.Options.HttpErrors, ApiCodes.Unauthorized, null, null);

        Route? route;
        if (!Fixed.TryGetValue(string.Join(Separator, segments), out route) &&
            segments.Length is 3 or 4 && segments[0].Equals("trackings", StringComparison.OrdinalIgnoreCase))
        {
            route = segments.Length == 3 ? OneTracking : OneTrackingWithLang;
        }

        if (route is null)
            return Envelope.WriteAsync(http, record, State.Options.HttpErrors, ApiCodes.NotFoundUrl, null, null);
        if (!route.Methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            return Envelope.WriteAsync(http, record, State.Options.HttpErrors, ApiCodes.MethodNotAllowed, null, null);

        return route.Handler(Authenticated(http, account, record, body, segments, fault));
    }
}
