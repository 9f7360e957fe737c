using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace TrackingMore.Emulator;

/// <summary>
/// The pipeline both API versions share: log → faults → the version's own checks and routing (see
/// <see cref="DispatchAsync"/>). One store, one request log, one set of fault rules and one clock behind /v2 and /v4.
/// Routing is done on the raw request target, because a tracking number may hold "/", "?", "#" or "%" (sent
/// percent-encoded) and ASP.NET's decoded path cannot tell an encoded "/" from a real one.
/// </summary>
internal abstract class ApiFace(EmulatorState state)
{
    protected EmulatorState State { get; } = state;

    /// <summary>"v2" or "v4": the first path segment, and the version fault rules may name.</summary>
    public abstract string Version { get; }

    /// <summary>The header that carries the API key in this version.</summary>
    public abstract string KeyHeader { get; }

    /// <summary>Checks, routes and answers one request that no fault answered. <paramref name="account"/> is null for an unknown key.</summary>
    protected abstract Task DispatchAsync(HttpContext http, Account? account, RequestRecord record, byte[] body, string[] segments, FaultRule? fault);

    /// <summary>The answer when the emulator itself fails.</summary>
    protected abstract Task WriteServerErrorAsync(HttpContext http, RequestRecord record);

    /// <summary>Answers the faults that speak this version's envelope (429s); false leaves the rule to <see cref="Faults"/>.</summary>
    protected virtual Task<bool> TryRespondToFaultAsync(HttpContext http, FaultRule fault, RequestRecord record) => Task.FromResult(false);

    public async Task HandleAsync(HttpContext http)
    {
        var (rawPath, rawQuery) = RawTarget(http);
        var second = State.Listeners.IsSecond(http.Connection);
        var record = State.Log.Begin(http, rawPath, rawQuery, second ? "second" : "primary", KeyHeader);
        // The service's Date header tells its own time; here that is the simulated clock, not the machine's.
        http.Response.Headers.Date = DateTimeOffset.FromUnixTimeMilliseconds(State.Clock.NowUnixMs).ToString("R", CultureInfo.InvariantCulture);
        FaultRule? fault = null;
        LateAnswer? late = null;
        try
        {
            var body = await ReadBodyAsync(http);
            record.BodySize = body.Length;
            var below = rawPath.Length > 1 + Version.Length ? rawPath[(1 + Version.Length)..] : "";
            var account = State.Accounts.Find(http.Request.Headers[KeyHeader].ToString());
            record.ApiKeyValid = account is not null;

            // The second listener stands for the host a redirect points at: it answers normally, never with a fault.
            fault = second ? null : State.Faults.Match(http.Request.Method, Version, below);
            if (fault is not null)
            {
                record.Fault = fault.ActionName;
                switch (fault.Action)
                {
                    case FaultAction.Delay:
                        await Task.Delay(fault.DelayMs, http.RequestAborted);
                        break;
                    case FaultAction.LateAnswer:
                        late = LateAnswer.Hold(http);
                        break;
                    case FaultAction.AfterProcessDrop:
                        // Do the work, but write the answer nowhere; the connection is cut afterwards.
                        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
                        break;
                    case var action when ListFaults.Shapes(action):
                        break; // the list endpoint reshapes its page
                    default:
                        if (!await TryRespondToFaultAsync(http, fault, record))
                            await Faults.RespondAsync(http, fault, record, body, State.Listeners);
                        return;
                }
            }

            await DispatchAsync(http, account, record, body, Segments(below), fault);

            if (fault?.Action == FaultAction.AfterProcessDrop) http.Abort();
            if (late is not null) await late.SendAsync(fault!.DelayMs, http.RequestAborted);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync($"emulator: {http.Request.Method} {rawPath} failed: {e}");
            await WriteServerErrorAsync(http, record);
        }
        finally
        {
            var cut = fault?.Action is FaultAction.Drop or FaultAction.AfterProcessDrop or FaultAction.HugeContentLength ||
                      late is { Sent: false };
            var status = cut ? 0 : http.Response.StatusCode;
            State.Log.End(record, status);
            if (State.Options.Log) Console.Out.WriteLine(LogLine(record));
        }
    }

    /// <summary>The request as the endpoints get it, once its key is known to be valid.</summary>
    protected IncomingRequest Authenticated(HttpContext http, Account account, RequestRecord record, byte[] body, string[] segments, FaultRule? fault) => new()
    {
        Http = http,
        State = State,
        Account = account,
        Record = record,
        Body = body,
        Segments = segments,
        Now = State.Clock.NowUnixSeconds,
        Fault = fault,
    };

    /// <summary>The --log line: method, path, HTTP status (0 = connection cut), meta code, fault, duration.</summary>
    private static string LogLine(RequestRecord r)
    {
        var query = r.Query.Length > 0 ? "?" + r.Query : "";
        var meta = r.MetaCode?.ToString(CultureInfo.InvariantCulture) ?? "-";
        var fault = r.Fault is null ? "" : " fault=" + r.Fault;
        return string.Create(CultureInfo.InvariantCulture,
            $"{r.Method} {r.Path}{query} {r.HttpStatus} meta={meta}{fault} {r.DurationMs:0.0}ms");
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

    /// <summary>
    /// Splits the encoded path first, then decodes each segment: "dhl/A%2FB" is two segments. One leading and one
    /// trailing "/" are dropped (v2 accepts "/carriers/"); v4, which matches paths exactly, checks the raw path itself.
    /// </summary>
    private static string[] Segments(string below)
    {
        var parts = below.Split('/');
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
