using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TrackingMore.Emulator;

internal enum FaultAction
{
    Http503, Http502Html, Http504, Http500, Meta429, Http429, Drop, Delay, Truncated, WrongTypes, AfterProcessDrop, LateAnswer,
    // Hostile servers and proxies (HostileFaults): where a client could leak its key or grow without bound.
    Redirect, EchoHeaders, EchoKey, EchoKeyItems, Endless, GzipBomb, HugeContentLength, CarrierList,
    // Hostile list pages (ListFaults): the request is processed normally, its page is reshaped.
    RepeatPage, OverlongPage, DuplicateIds, CyclePages,
}

/// <summary>A fault rule added with POST /_emulator/faults (format in README.md).</summary>
internal sealed class FaultRule
{
    public int Id;
    public string? Path;            // prefix of the path below the version; null = any
    public string? Version;         // "v2" or "v4" when the rule's path named one; null = both
    public string? Method;          // null = any
    public FaultAction Action;
    public required string ActionName;
    public int? Count;              // apply to the next N matches ...
    public int Remaining;
    public double? Rate;            // ... or to this fraction of matches, chosen deterministically by Seed
    public ulong Seed;
    public int After;               // let the first K matches through untouched
    public int? RetryAfter;         // seconds, sent as Retry-After
    public int DelayMs;
    public int? Status;             // redirect: 301, 302, 303, 307 or 308
    public string? Location;        // redirect: absolute target; null = the second listener, same path and query
    public int? Code;               // echo-key: the meta code; echo-key-items: each item's code
    public int? LimitMb;            // endless: stop after this many MiB
    public int? SizeMb;             // gzip-bomb: inflated size in MiB
    public long? ContentLength;     // huge-content-length: the announced length
    public int? Extra;              // overlong-page: items beyond limit
    public int? Cycle;              // cycle-pages: how many distinct pages are served in turn
    public bool HideTotal;          // cycle-pages: answer without a total, so the total cannot end the walk
    public byte[]? Items;           // carrier-list: the items' JSON, comma-separated, as given
    public int Repeat = 1;          // carrier-list: how many times the items are sent
    public long Matched;
    public long Applied;

    /// <summary>Neither count nor rate: the rule applies to every match until cleared.</summary>
    public bool Exhausted => Count is not null && Remaining <= 0;
}

/// <summary>
/// Injected failures for testing a client's retry and error handling. Rules are checked in the order they were
/// added; the first one that decides to apply wins. They are checked before authentication, except
/// after-process-drop, which lets the request do its work and then loses the answer, late-answer, which lets it do
/// its work and answers after a wait, and the list pages
/// (ListFaults), which reshape the answer of a normally processed list request.
/// </summary>
internal sealed class Faults
{
    private static readonly Dictionary<string, FaultAction> ActionNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["http503"] = FaultAction.Http503,
        ["http502-html"] = FaultAction.Http502Html,
        ["http504"] = FaultAction.Http504,
        ["http500"] = FaultAction.Http500,
        ["meta429"] = FaultAction.Meta429,
        ["http429"] = FaultAction.Http429,
        ["drop"] = FaultAction.Drop,
        ["delay"] = FaultAction.Delay,
        ["truncated"] = FaultAction.Truncated,
        ["wrong-types"] = FaultAction.WrongTypes,
        ["after-process-drop"] = FaultAction.AfterProcessDrop,
        ["late-answer"] = FaultAction.LateAnswer,
        ["redirect"] = FaultAction.Redirect,
        ["echo-headers"] = FaultAction.EchoHeaders,
        ["echo-key"] = FaultAction.EchoKey,
        ["echo-key-items"] = FaultAction.EchoKeyItems,
        ["endless"] = FaultAction.Endless,
        ["gzip-bomb"] = FaultAction.GzipBomb,
        ["huge-content-length"] = FaultAction.HugeContentLength,
        ["carrier-list"] = FaultAction.CarrierList,
        ["repeat-page"] = FaultAction.RepeatPage,
        ["overlong-page"] = FaultAction.OverlongPage,
        ["duplicate-ids"] = FaultAction.DuplicateIds,
        ["cycle-pages"] = FaultAction.CyclePages,
    };

    private static readonly int[] RedirectStatuses = [301, 302, 303, 307, 308];

    /// <summary>The longest wait a late-answer rule may ask for (two minutes): the request holds its answer that long.</summary>
    public const int MaxLateAnswerMs = 120_000;

    /// <summary>Whether the emulator was started with --second-listener (redirects without location need it).</summary>
    private readonly bool _secondListener;

    public Faults(bool secondListener) => _secondListener = secondListener;

    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _nextId;

    /// <summary>Adds one rule (an object) or several (an array); nothing is added if any is invalid.</summary>
    public List<FaultRule>? Add(JsonElement body, out string? error)
    {
        var items = body.ValueKind == JsonValueKind.Array ? body.EnumerateArray().ToList() : [body];
        var parsed = new List<FaultRule>(items.Count);
        foreach (var item in items)
        {
            var rule = Parse(item, _secondListener, out error);
            if (rule is null) return null;
            parsed.Add(rule);
        }
        lock (_gate)
        {
            foreach (var rule in parsed)
            {
                rule.Id = ++_nextId;
                _rules.Add(rule);
            }
        }
        // Compress bombs now, in the background, so the first request that meets one does not wait for it.
        foreach (var rule in parsed)
        {
            if (rule.SizeMb is { } sizeMb) HostileFaults.PrepareGzipBomb(sizeMb);
        }
        error = null;
        return parsed;
    }

    /// <summary>Removes every rule and frees what they held (compressed bombs, carrier lists).</summary>
    public void Clear()
    {
        lock (_gate) _rules.Clear();
        HostileFaults.ReleasePayloads();
    }

    public List<FaultRule> Active()
    {
        lock (_gate) return _rules.Where(r => !r.Exhausted).ToList();
    }

    /// <summary>Finds the rule that applies to this request, counting the match on every rule it passes.</summary>
    public FaultRule? Match(string method, string version, string pathBelowVersion)
    {
        lock (_gate)
        {
            if (_rules.Count == 0) return null;
            foreach (var rule in _rules)
            {
                if (rule.Exhausted) continue;
                if (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) continue;
                if (rule.Version is not null && rule.Version != version) continue;
                if (rule.Path is not null && !Covers(rule.Path, pathBelowVersion)) continue;
                if (ListFaults.Shapes(rule.Action) && !ListFaults.IsListPath(pathBelowVersion)) continue;
                var index = rule.Matched++;
                if (index < rule.After) continue;
                if (rule.Rate is { } rate && StableHash.Unit(StableHash.Mix(rule.Seed, (ulong)index)) >= rate) continue;
                if (rule.Count is not null) rule.Remaining--;
                rule.Applied++;
                return rule;
            }
            _rules.RemoveAll(r => r.Exhausted);
            return null;
        }
    }

    /// <summary>Answers a request with the rule's failure instead of processing it (all actions but delay,
    /// after-process-drop, late-answer and the list pages, which go with normal processing).</summary>
    public static async Task RespondAsync(HttpContext http, FaultRule rule, RequestRecord record, byte[] body, Listeners listeners)
    {
        var response = http.Response;
        if (rule.RetryAfter is { } seconds) response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        switch (rule.Action)
        {
            case FaultAction.Http503:
                await Plain(http, 503, "Service Temporarily Unavailable");
                break;
            case FaultAction.Http504:
                await Plain(http, 504, "Gateway Time-out");
                break;
            case FaultAction.Http500:
                await Plain(http, 500, "Internal Server Error");
                break;
            case FaultAction.Http502Html:
                response.StatusCode = 502;
                response.ContentType = "text/html";
                await response.WriteAsync(
                    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
                    "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
                break;
            case FaultAction.Meta429:
                await Envelope.WriteAsync(http, record, httpErrors: false, ApiCodes.RateLimited, null, null);
                break;
            case FaultAction.Http429:
                await Envelope.WriteAsync(http, record, httpErrors: true, ApiCodes.RateLimited, null, null);
                break;
            case FaultAction.Drop:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                await response.StartAsync();
                await response.Body.FlushAsync();
                http.Abort();
                break;
            case FaultAction.Truncated:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                await response.Body.WriteAsync(TruncatedBody);
                break;
            case FaultAction.WrongTypes:
                response.StatusCode = 200;
                response.ContentType = "application/json; charset=utf-8";
                await response.Body.WriteAsync(WrongTypesBody);
                break;
            default:
                await HostileFaults.RespondAsync(http, rule, record, body, listeners);
                break;
        }
    }

    private static Task Plain(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain";
        return http.Response.WriteAsync(text);
    }

    /// <summary>The first half of a real-looking list answer: valid JSON that stops in the middle.</summary>
    private static readonly byte[] TruncatedBody = Half("""
        {"meta":{"code":200,"type":"Success","message":"Success"},"data":{"page":1,"limit":100,"total":"2","count":2,"items":[
        {"id":"009e9a8a6450cb5ce4b53ac75674fe78","tracking_number":"RR050349575PH","carrier_code":"phlpost","status":"delivered"},
        {"id":"e1e4baddad2b782d3aa3f6c75277ea22","tracking_number":"RN210552627LT","carrier_code":"lietuvos-pastas","status":"transit"}]}}
        """);

    /// <summary>A success envelope whose data fields have the wrong JSON types for every endpoint's shape.</summary>
    private static readonly byte[] WrongTypesBody = OneLine("""
        {"meta":{"code":200,"type":"Success","message":"Success"},"data":{"page":"first","limit":{"value":100},
        "total":{"value":3},"count":"three","items":"not-a-list","submitted":"4","added":[],"updated":"all",
        "delete":{},"change":"some","trackings":{"id":1},"errors":"none","id":12345,"tracking_number":987654321,
        "status":false,"Usertag":[],"email":7,"regtime":{},"track_number":"many","remote":"x","other":3}}
        """);

    private static byte[] OneLine(string s) => Encoding.UTF8.GetBytes(s.ReplaceLineEndings(""));

    private static byte[] Half(string s)
    {
        var bytes = OneLine(s);
        return bytes[..(bytes.Length / 2)];
    }

    private static FaultRule? Parse(JsonElement o, bool secondListener, out string? error)
    {
        error = null;
        if (o.ValueKind != JsonValueKind.Object)
        {
            error = "a fault rule must be a JSON object";
            return null;
        }
        var actionName = Inputs.Text(o, "action");
        if (actionName is null || !ActionNames.TryGetValue(actionName, out var action))
        {
            error = $"action must be one of: {string.Join(", ", ActionNames.Keys)}";
            return null;
        }

        string? problem = null;

        long? WholeOrNull(string name, long min, long max)
        {
            var text = Inputs.Text(o, name);
            if (text is null) return null;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            problem ??= max == long.MaxValue ? $"{name} must be an integer >= {min}" : $"{name} must be an integer from {min} to {max}";
            return null;
        }

        int? IntOrNull(string name, int min, int max = int.MaxValue) => (int?)WholeOrNull(name, min, max);

        var rule = new FaultRule
        {
            ActionName = actionName.ToLowerInvariant(),
            Action = action,
            Version = VersionOf(Inputs.Text(o, "path")),
            Path = NormalizePath(Inputs.Text(o, "path")),
            Method = Inputs.Text(o, "method")?.ToUpperInvariant(),
            Count = IntOrNull("count", 1),
            After = IntOrNull("after", 0) ?? 0,
            RetryAfter = IntOrNull("retryAfter", 0),
            DelayMs = IntOrNull("delayMs", 0) ?? 1000,
            Seed = (ulong)(IntOrNull("seed", 0) ?? 0),
        };
        rule.Remaining = rule.Count ?? 0;
        var rateText = Inputs.Text(o, "rate");
        if (rateText is not null)
        {
            if (double.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1)
                rule.Rate = rate;
            else problem ??= "rate must be a number between 0 and 1";
        }
        if (rule.Count is not null && rule.Rate is not null) problem ??= "give count or rate, not both";
        switch (action)
        {
            case FaultAction.Redirect:
                rule.Status = IntOrNull("status", 300, 399) ?? 302;
                if (!RedirectStatuses.Contains(rule.Status.Value))
                    problem ??= $"status must be one of {string.Join(", ", RedirectStatuses)}";
                rule.Location = Inputs.Text(o, "location");
                if (rule.Location is null && !secondListener)
                    problem ??= "a redirect without location points at the second listener: start the emulator with --second-listener, or give location";
                else if (rule.Location is not null && !Uri.TryCreate(rule.Location, UriKind.Absolute, out _))
                    problem ??= "location must be an absolute URL";
                break;
            case FaultAction.LateAnswer:
                rule.DelayMs = IntOrNull("delayMs", 1, MaxLateAnswerMs) ?? 5000;
                break;
            case FaultAction.EchoKey:
                rule.Code = IntOrNull("code", 1) ?? ApiCodes.MissingParameters;
                break;
            case FaultAction.EchoKeyItems:
                rule.Code = IntOrNull("code", 1) ?? ApiCodes.InvalidCarrier;
                break;
            case FaultAction.Endless:
                rule.LimitMb = IntOrNull("limitMb", 1, HostileFaults.MaxMb) ?? 4096;
                break;
            case FaultAction.GzipBomb:
                rule.SizeMb = IntOrNull("sizeMb", 1, HostileFaults.MaxMb) ?? 2400;
                break;
            case FaultAction.HugeContentLength:
                rule.ContentLength = WholeOrNull("contentLength", HostileFaults.HugeContentLengthMinimum, long.MaxValue) ?? 2_000_000_000;
                break;
            case FaultAction.OverlongPage:
                rule.Extra = IntOrNull("extra", 1, ListQuery.MaxLimit) ?? 10;
                break;
            case FaultAction.CarrierList:
                if (!o.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array || items.GetArrayLength() == 0)
                    problem ??= "carrier-list needs items: a non-empty array of carrier objects";
                else rule.Items = Encoding.UTF8.GetBytes(string.Join(",", items.EnumerateArray().Select(item => JsonSerializer.Serialize(item))));
                rule.Repeat = IntOrNull("repeat", 1, HostileFaults.MaxCarrierRepeat) ?? 1;
                break;
            case FaultAction.CyclePages:
                rule.Cycle = IntOrNull("cycle", 2, 1000) ?? 2;
                var withTotal = Inputs.Text(o, "withTotal");
                if (withTotal is not null && !bool.TryParse(withTotal, out _)) problem ??= "withTotal must be true or false";
                rule.HideTotal = withTotal is not null && bool.TryParse(withTotal, out var shown) && !shown;
                break;
        }
        error = problem;
        return problem is null ? rule : null;
    }

    /// <summary>
    /// Rule paths are below the version; "/v2/trackings/get" and "/v4/trackings/get" hold to that version only,
    /// "trackings/get" and "/trackings/get" to both.
    /// </summary>
    /// <summary>
    /// A rule's path covers that path and the paths below it, segment by segment: <c>/carriers</c> covers
    /// <c>/carriers/detect</c>, and <c>/trackings/get</c> does not cover <c>/trackings/getuserinfo</c>.
    /// </summary>
    private static bool Covers(string rulePath, string path) =>
        path.StartsWith(rulePath, StringComparison.OrdinalIgnoreCase) &&
        (path.Length == rulePath.Length || rulePath.EndsWith('/') || path[rulePath.Length] == '/');

    private static string? NormalizePath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "/") return null;
        if (!path.StartsWith('/')) path = "/" + path;
        if (VersionOf(path) is not null) path = path[3..];
        return path.Length == 0 ? null : path;
    }

    /// <summary>"v2" or "v4" when a rule's path starts with that version, else null (the rule holds for both).</summary>
    private static string? VersionOf(string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        var p = path.TrimStart('/');
        foreach (var version in (string[])["v2", "v4"])
        {
            if (p.Equals(version, StringComparison.OrdinalIgnoreCase) || p.StartsWith(version + "/", StringComparison.OrdinalIgnoreCase))
                return version;
        }
        return null;
    }

    public static void Write(Utf8JsonWriter w, FaultRule r)
    {
        w.WriteStartObject();
        w.WriteNumber("id", r.Id);
        w.WriteString("path", r.Path);
        if (r.Version is not null) w.WriteString("version", r.Version);
        w.WriteString("method", r.Method);
        w.WriteString("action", r.ActionName);
        if (r.Count is { } count)
        {
            w.WriteNumber("count", count);
            w.WriteNumber("remaining", r.Remaining);
        }
        else
        {
            w.WriteNull("count");
            w.WriteNull("remaining");
        }
        if (r.Rate is { } rate) w.WriteNumber("rate", rate);
        else w.WriteNull("rate");
        w.WriteNumber("seed", r.Seed);
        w.WriteNumber("after", r.After);
        if (r.RetryAfter is { } ra) w.WriteNumber("retryAfter", ra);
        else w.WriteNull("retryAfter");
        w.WriteNumber("delayMs", r.DelayMs);
        if (r.Status is { } status) w.WriteNumber("status", status);
        if (r.Action == FaultAction.Redirect) w.WriteString("location", r.Location);
        if (r.Code is { } code) w.WriteNumber("code", code);
        if (r.LimitMb is { } limitMb) w.WriteNumber("limitMb", limitMb);
        if (r.SizeMb is { } sizeMb) w.WriteNumber("sizeMb", sizeMb);
        if (r.ContentLength is { } contentLength) w.WriteNumber("contentLength", contentLength);
        if (r.Extra is { } extra) w.WriteNumber("extra", extra);
        if (r.Action == FaultAction.CarrierList) w.WriteNumber("repeat", r.Repeat);
        if (r.Cycle is { } cycle)
        {
            w.WriteNumber("cycle", cycle);
            w.WriteBoolean("withTotal", !r.HideTotal);
        }
        w.WriteNumber("matched", r.Matched);
        w.WriteNumber("applied", r.Applied);
        w.WriteEndObject();
    }
}
