using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace TrackingMore.Emulator;

/// <summary>
/// The /v2 pipeline: log → faults → authentication → routing. Routing is done here on the raw request target,
/// because a tracking number may hold "/", "?", "#" or "%" (sent percent-encoded) and ASP.NET's decoded path
/// cannot tell an encoded "/" from a real one.
/// </summary>
internal sealed class V2Api(EmulatorState state)
{
    public const string KeyHeader = "Trackingmore-Api-Key";

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

    public async Task HandleAsync(HttpContext http)
    {
        var (rawPath, rawQuery) = RawTarget(http);
        var second = state.Listeners.IsSecond(http.Connection);
        var record = state.Log.Begin(http, rawPath, rawQuery, second ? "second" : "primary");
        // The service's Date header tells its own time; here that is the simulated clock, not the machine's.
        http.Response.Headers.Date = DateTimeOffset.FromUnixTimeMilliseconds(state.Clock.NowUnixMs).ToString("R", CultureInfo.InvariantCulture);
        FaultRule? fault = null;
        try
        {
            var body = await ReadBodyAsync(http);
            record.BodySize = body.Length;
            var belowV2 = rawPath.Length > 3 ? rawPath[3..] : "";
            var account = state.Accounts.Find(http.Request.Headers[KeyHeader].ToString());
            record.ApiKeyValid = account is not null;

            // The second listener stands for the host a redirect points at: it answers normally, never with a fault.
            fault = second ? null : state.Faults.Match(http.Request.Method, belowV2);
            if (fault is not null)
            {
                record.Fault = fault.ActionName;
                switch (fault.Action)
                {
                    case FaultAction.Delay:
                        await Task.Delay(fault.DelayMs, http.RequestAborted);
                        break;
                    case FaultAction.AfterProcessDrop:
                        // Do the work, but write the answer nowhere; the connection is cut afterwards.
                        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
                        break;
                    case var action when ListFaults.Shapes(action):
                        break; // the list endpoint reshapes its page
                    default:
                        await Faults.RespondAsync(http, fault, record, state.Listeners);
                        return;
                }
            }

            if (account is null)
            {
                await Envelope.WriteAsync(http, record, state.Options.HttpErrors, ApiCodes.Unauthorized, null, null);
            }
            else
            {
                await DispatchAsync(http, account, record, body, Segments(belowV2), fault);
            }

            if (fault?.Action == FaultAction.AfterProcessDrop) http.Abort();
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync($"emulator: {http.Request.Method} {rawPath} failed: {e}");
            await Envelope.WriteAsync(http, record, state.Options.HttpErrors, ApiCodes.ServerError, null, null);
        }
        finally
        {
            var cut = fault?.Action is FaultAction.Drop or FaultAction.AfterProcessDrop or FaultAction.HugeContentLength;
            var status = cut ? 0 : http.Response.StatusCode;
            state.Log.End(record, status);
            if (state.Options.Log) Console.Out.WriteLine(LogLine(record));
        }
    }

    /// <summary>The --log line: method, path, HTTP status (0 = connection cut), meta code, fault, duration.</summary>
    private static string LogLine(RequestRecord r)
    {
        var query = r.Query.Length > 0 ? "?" + r.Query : "";
        var meta = r.MetaCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var fault = r.Fault is null ? "" : " fault=" + r.Fault;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Method} {r.Path}{query} {r.HttpStatus} meta={meta}{fault} {r.DurationMs:0.0}ms");
    }

    private Task DispatchAsync(HttpContext http, Account account, RequestRecord record, byte[] body, string[] segments, FaultRule? fault)
    {
        Route? route;
        if (!Fixed.TryGetValue(string.Join(Separator, segments), out route) &&
            segments.Length is 3 or 4 && segments[0].Equals("trackings", StringComparison.OrdinalIgnoreCase))
        {
            route = segments.Length == 3 ? OneTracking : OneTrackingWithLang;
        }

        if (route is null)
            return Envelope.WriteAsync(http, record, state.Options.HttpErrors, ApiCodes.NotFoundUrl, null, null);
        if (!route.Methods.Contains(http.Request.Method, StringComparer.OrdinalIgnoreCase))
            return Envelope.WriteAsync(http, record, state.Options.HttpErrors, ApiCodes.MethodNotAllowed, null, null);

        return route.Handler(new IncomingRequest
        {
            Http = http,
            State = state,
            Account = account,
            Record = record,
            Body = body,
            Segments = segments,
            Now = state.Clock.NowUnixSeconds,
            Fault = fault,
        });
    }

    /// <summary>The path and query exactly as the client sent them (still percent-encoded).</summary>
    private static (string Path, string Query) RawTarget(HttpContext http)
    {
        var raw = http.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
            return ((http.Request.PathBase + http.Request.Path).ToUriComponent(), http.Request.QueryString.Value?.TrimStart('?') ?? "");
        var q = raw.IndexOf('?');
        return q < 0 ? (raw, "") : (raw[..q], raw[(q + 1)..]);
    }

    /// <summary>Splits the encoded path first, then decodes each segment: "dhl/A%2FB" is two segments.</summary>
    private static string[] Segments(string belowV2)
    {
        var parts = belowV2.Split('/');
        var start = parts.Length > 0 && parts[0].Length == 0 ? 1 : 0;
        var end = parts.Length > start && parts[^1].Length == 0 ? parts.Length - 1 : parts.Length;
        var segments = new string[Math.Max(0, end - start)];
        for (var i = 0; i < segments.Length; i++) segments[i] = Uri.UnescapeDataString(parts[start + i]);
        return segments;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        if (http.Request.ContentLength == 0) return [];
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}
