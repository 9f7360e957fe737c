using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// /_emulator: test and measurement hooks, outside the API (no key needed). requests: the log of /v2 and /v4 requests;
/// faults: injected failures; clock: simulated time; info: the listeners' base URIs.
/// <para>A developer's emulator runs beside their browser, so the hooks answer only this machine's tests: the Host
/// must be 127.0.0.1, localhost or [::1] (with any port), which a DNS-rebinding page cannot send; and a POST must be
/// <c>application/json</c>, which a cross-site page cannot send without a CORS preflight that the emulator never
/// grants (DELETE needs one anyway).</para>
/// </summary>
internal sealed class Hooks(EmulatorState state)
{
    /// <summary>The most advanceSeconds one call may ask (100 years), and the most the clock may be moved in all.</summary>
    public const long MaxAdvanceSeconds = 100L * 366 * 24 * 3600;

    public Task HandleAsync(HttpContext http)
    {
        if (!IsLoopbackHost(http.Request.Host.Host))
            return Error(http, 403, "the hooks answer only Host 127.0.0.1, localhost or [::1]");
        if (http.Request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase) &&
            !(MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) &&
              string.Equals(type.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)))
            return Error(http, 415, "hook POSTs must be Content-Type: application/json");
        var path = http.Request.Path.Value?.TrimEnd('/') ?? "";
        var method = http.Request.Method.ToUpperInvariant();
        return (path, method) switch
        {
            ("/requests", "GET") => Requests(http),
            ("/requests", "DELETE") => Cleared(http, state.Log.Clear),
            ("/faults", "GET") => Json(http, 200, w => WriteRules(w, state.Faults.Active())),
            ("/faults", "POST") => AddFaults(http),
            ("/faults", "DELETE") => Cleared(http, state.Faults.Clear),
            ("/clock", "GET") => Clock(http),
            ("/clock", "POST") => AdvanceClock(http),
            ("/info", "GET") => Json(http, 200, WriteInfo),
            _ => Error(http, 404, "unknown hook: use /_emulator/requests, /_emulator/faults, /_emulator/clock or /_emulator/info"),
        };
    }

    private Task Requests(HttpContext http)
    {
        var since = long.TryParse(http.Request.Query["since"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var records = state.Log.Snapshot(since);
        return Json(http, 200, w =>
        {
            w.WriteStartArray();
            foreach (var r in records) RequestLog.Write(w, r);
            w.WriteEndArray();
        });
    }

    private async Task AddFaults(HttpContext http)
    {
        var body = await ReadJsonAsync(http);
        if (body is null)
        {
            await Error(http, 400, "the body must be a JSON fault rule or an array of rules");
            return;
        }
        var added = state.Faults.Add(body.Value, out var error);
        if (added is null) await Error(http, 400, error!);
        else await Json(http, 200, w => WriteRules(w, added));
    }

    private Task Clock(HttpContext http) => Json(http, 200, WriteClock);

    private async Task AdvanceClock(HttpContext http)
    {
        var body = await ReadJsonAsync(http);
        var text = body is { } b ? Inputs.Text(b, "advanceSeconds") : null;
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxAdvanceSeconds ||
            !state.Clock.TryAdvance(seconds, MaxAdvanceSeconds))
        {
            await Error(http, 400, $"expected {{\"advanceSeconds\": N}} with N from 0 to {MaxAdvanceSeconds} (100 years), and at most that much in all");
            return;
        }
        await Json(http, 200, WriteClock);
    }

    private void WriteClock(Utf8JsonWriter w)
    {
        var nowMs = state.Clock.NowUnixMs;
        w.WriteStartObject();
        w.WriteString("now", DateTimeOffset.FromUnixTimeMilliseconds(nowMs).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("nowService", Dates.Iso(nowMs / 1000));
        w.WriteNumber("nowUnix", nowMs / 1000);
        w.WriteNumber("nowUnixMs", nowMs);
        w.WriteNumber("timeScale", state.Clock.TimeScale);
        w.WriteNumber("advancedSeconds", state.Clock.AdvancedSeconds);
        w.WriteEndObject();
    }

    private void WriteInfo(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("baseUri", state.Listeners.BaseUri);
        w.WriteString("secondBaseUri", state.Listeners.SecondBaseUri);
        // The same listener and account store, v4's face.
        w.WriteString("v4BaseUri", state.Listeners.BaseUri[..^"/v2".Length] + "/v4");
        w.WriteNumber("faultPayloadBytes", HostileFaults.PayloadBytes);
        w.WriteEndObject();
    }

    private static void WriteRules(Utf8JsonWriter w, IEnumerable<FaultRule> rules)
    {
        w.WriteStartArray();
        foreach (var r in rules) Faults.Write(w, r);
        w.WriteEndArray();
    }

    private static Task Cleared(HttpContext http, Action clear)
    {
        clear();
        return Json(http, 200, w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("cleared", true);
            w.WriteEndObject();
        });
    }

    private static bool IsLoopbackHost(string host) =>
        host.Equals("127.0.0.1", StringComparison.Ordinal) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        host.Equals("[::1]", StringComparison.Ordinal);

    private static Task Error(HttpContext http, int status, string message) => Json(http, status, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", message);
        w.WriteEndObject();
    });

    private static async Task<JsonElement?> ReadJsonAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return Inputs.ReadJson(buffer.ToArray(), out var root) == BodyContent.Json ? root : null;
    }

    private static async Task Json(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, Envelope.WriterOptions);
        write(w);
        await w.FlushAsync();
    }
}
