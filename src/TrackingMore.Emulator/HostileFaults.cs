using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// Fault answers of a hostile server or proxy: a redirect that could carry the key to another host, pages that
/// echo the key back, and bodies with no end, a huge inflated size or a lying Content-Length. Every one is
/// bounded: sizes have caps, waits end with the request, nothing is held whole in memory but the compressed bomb.
/// </summary>
internal static class HostileFaults
{
    private const int Mib = 1024 * 1024;

    /// <summary>The largest limitMb / sizeMb a rule may ask for.</summary>
    public const int MaxMb = 8192;

    /// <summary>The most times a carrier-list rule may send its items.</summary>
    public const int MaxCarrierRepeat = 10_000_000;

    /// <summary>The successful list envelope up to its first item, shared by the endless and bomb bodies.</summary>
    private const string ListHead =
        """{"meta":{"code":200,"type":"Success","message":"The request was successful."},"data":{"page":1,"limit":100,"total":"1","count":1,"items":[""";

    /// <summary>One tracking in the full list form, as a seeded one looks.</summary>
    private static readonly string ItemJson = """
        {"id":"5b1c6a3e9f0d4e27a8c3b6d1e2f4a9c0","tracking_number":"RR050349575PH","carrier_code":"phlpost",
        "status":"transit","track_update":true,"created_at":"2024-03-01T10:15:00+08:00",
        "updated_at":"2024-03-04T08:02:11+08:00","order_create_time":"2024-02-29 18:40",
        "customer_email":"buyer@example.com","title":"Order 10482","order_id":"10482","comment":null,
        "customer_name":"Ana Reyes","customer_phone":null,"logistics_channel":null,"archived":false,
        "original_country":"Philippines","destination_country":"United States","itemTimeLength":3,
        "stayTimeLength":1,"service_code":null,"status_info":null,"origin_info":{"weblink":"http://www.phlpost.gov.ph/",
        "phone":"+ (63) 854-9825","carrier_code":"phlpost","trackinfo":[{"Date":"2024-03-03 16:35",
        "StatusDescription":"Prepare dispatch to destination country","Details":"PHILIPPINES",
        "checkpoint_status":"transit","substatus":"transit001"}]},"destination_info":{"weblink":"","phone":"",
        "carrier_code":"usps","trackinfo":[]},
        "lastEvent":"Prepare dispatch to destination country,PHILIPPINES,2024-03-03 16:35",
        "lastUpdateTime":"2024-03-03 16:35","substatus":"transit001"}
        """.ReplaceLineEndings("");

    private static readonly byte[] EndlessStart = Encoding.UTF8.GetBytes(ListHead + ItemJson);
    private static readonly byte[] EndlessEnd = "]}}"u8.ToArray();

    /// <summary>About 64 KiB of ",{item}" repeated: the unit the endless body is written in.</summary>
    private static readonly byte[] EndlessChunk = Repeat(Encoding.UTF8.GetBytes("," + ItemJson), 64 * 1024);

    /// <summary>The first bytes of a valid envelope, all that a huge-content-length answer ever sends.</summary>
    private static readonly byte[] HugeContentLengthStart = Encoding.UTF8.GetBytes(ListHead + """{"id":"5b1c6a3e""");

    /// <summary>The smallest announced length that still lies (more than the bytes really sent).</summary>
    public static long HugeContentLengthMinimum => HugeContentLengthStart.Length + 1;

    /// <summary>The compressed bombs by inflated size in MiB, each built once, on first need, dropped when the rules are cleared.</summary>
    private static readonly ConcurrentDictionary<int, Lazy<Task<byte[]>>> Bombs = new();

    /// <summary>Answers a request with one of the hostile actions.</summary>
    public static Task RespondAsync(HttpContext http, FaultRule rule, RequestRecord record, byte[] body, Listeners listeners) => rule.Action switch
    {
        FaultAction.Redirect => Redirect(http, rule, record, listeners),
        FaultAction.EchoHeaders => EchoHeadersAsync(http),
        FaultAction.EchoKey => EchoKeyAsync(http, rule, record),
        FaultAction.EchoKeyItems => EchoKeyItemsAsync(http, rule, record, body),
        FaultAction.Endless => EndlessAsync(http, rule),
        FaultAction.GzipBomb => GzipBombAsync(http, rule, record),
        FaultAction.HugeContentLength => HugeContentLengthAsync(http, rule),
        FaultAction.CarrierList => CarrierListAsync(http, rule, record),
        _ => throw new InvalidOperationException($"{rule.ActionName} is not answered in place"),
    };

    /// <summary>redirect: the status and a Location to the rule's URL or to the same path and query on the second listener.</summary>
    private static Task Redirect(HttpContext http, FaultRule rule, RequestRecord record, Listeners listeners)
    {
        var query = record.Query.Length > 0 ? "?" + record.Query : "";
        http.Response.StatusCode = rule.Status!.Value;
        // The second listener's origin and the path as sent, version included.
        http.Response.Headers.Location = rule.Location ?? listeners.SecondBaseUri![..^"/v2".Length] + record.Path + query;
        http.Response.ContentLength = 0;
        return Task.CompletedTask;
    }

    /// <summary>echo-headers: a misconfigured proxy's 502 page listing the request headers verbatim (not escaped).</summary>
    private static Task EchoHeadersAsync(HttpContext http)
    {
        var page = new StringBuilder(
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n" +
            "<p>The upstream server sent an invalid response. Request as received:</p>\r\n<pre>\r\n");
        page.Append(http.Request.Method).Append(' ').Append(http.Request.PathBase + http.Request.Path).Append("\r\n");
        foreach (var (name, values) in http.Request.Headers) page.Append(name).Append(": ").Append(values.ToString()).Append("\r\n");
        page.Append("</pre>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n");
        http.Response.StatusCode = 502;
        http.Response.ContentType = "text/html";
        return http.Response.WriteAsync(page.ToString());
    }

    /// <summary>The key header of the request's version and its value as sent (empty when absent).</summary>
    private static (string Header, string Key) KeyOf(HttpContext http, RequestRecord record)
    {
        var header = record.Path.StartsWith("/v4", StringComparison.OrdinalIgnoreCase) ? V4Api.Header : V2Api.Header;
        return (header, http.Request.Headers[header].ToString());
    }

    /// <summary>echo-key: HTTP 200, an error envelope whose message quotes the request's key twice.</summary>
    private static async Task EchoKeyAsync(HttpContext http, FaultRule rule, RequestRecord record)
    {
        var (header, key) = KeyOf(http, record);
        var code = rule.Code!.Value;
        record.MetaCode = code;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, Envelope.WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("meta");
        w.WriteNumber("code", code);
        w.WriteString("type", "Bad Request");
        w.WriteString("message", $"Invalid request for key {key}. {header}: {key}");
        w.WriteEndObject();
        w.WriteStartArray("data");
        w.WriteEndArray();
        w.WriteEndObject();
        await w.FlushAsync();
    }

    /// <summary>
    /// echo-key-items: HTTP 200, meta 200, every item of the request's array refused, in v2's shapes, with a message
    /// that quotes the key twice and carries terminal control sequences (ESC, BEL): <c>errors[]</c> of a bulk
    /// tracking endpoint, or <c>other[]</c> of /trackings/remote. Nothing is done.
    /// </summary>
    private static async Task EchoKeyItemsAsync(HttpContext http, FaultRule rule, RequestRecord record, byte[] body)
    {
        var (header, key) = KeyOf(http, record);
        var message = $"Refused for key {key}[2J]0;owned {header}: {key}";
        var remote = record.Path.EndsWith("/trackings/remote", StringComparison.OrdinalIgnoreCase);
        var items = ItemsOf(body);
        record.MetaCode = ApiCodes.Success;
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, Envelope.WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("meta");
        w.WriteNumber("code", ApiCodes.Success);
        w.WriteString("type", "Success");
        // The remote-area answers carry the status page's text, the bulk ones the captured "Success" (ApiCodes).
        w.WriteString("message", remote ? ApiCodes.StatusPageSuccessMessage : "Success");
        w.WriteEndObject();
        w.WriteStartObject("data");
        w.WriteNumber("submitted", items.Count);
        w.WriteStartArray(remote ? "remote" : "trackings");
        w.WriteEndArray();
        w.WriteStartArray(remote ? "other" : "errors");
        foreach (var item in items)
        {
            w.WriteStartObject();
            foreach (var field in remote ? (string[])["country", "postcode"] : ["tracking_number", "carrier_code"])
                w.WriteString(field, Inputs.Text(item, field));
            if (!remote) w.WriteNumber("code", rule.Code!.Value);
            w.WriteString("message", message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        await w.FlushAsync();
    }

    /// <summary>The objects of a request body that is a JSON array; none for any other body.</summary>
    private static List<JsonElement> ItemsOf(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object).Select(item => item.Clone()).ToList()
                : [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    /// <summary>endless: a chunked list answer whose items never end, until the client goes or limitMb is sent.</summary>
    private static async Task EndlessAsync(HttpContext http, FaultRule rule)
    {
        var aborted = http.RequestAborted;
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        await response.Body.WriteAsync(EndlessStart, aborted);
        var limit = (long)rule.LimitMb!.Value * Mib;
        for (long sent = EndlessStart.Length; sent < limit && !aborted.IsCancellationRequested; sent += EndlessChunk.Length)
            await response.Body.WriteAsync(EndlessChunk, aborted);
        // Reached only at the bound: close the JSON, so what was sent is at least well-formed.
        await response.Body.WriteAsync(EndlessEnd, aborted);
    }

    /// <summary>gzip-bomb: a small gzip body (Content-Length its compressed size) that inflates to sizeMb MiB of JSON.</summary>
    private static async Task GzipBombAsync(HttpContext http, FaultRule rule, RequestRecord record)
    {
        var bomb = await BombOf(rule.SizeMb!.Value).WaitAsync(http.RequestAborted);
        record.MetaCode = ApiCodes.Success;
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers.ContentEncoding = "gzip";
        response.ContentLength = bomb.Length;
        await response.Body.WriteAsync(bomb, http.RequestAborted);
    }

    /// <summary>
    /// carrier-list: a GET /carriers answer whose data is the rule's items, repeat times, written in chunks as it
    /// goes (60 MB of {"code":"a"} never sits whole in the emulator).
    /// </summary>
    private static async Task CarrierListAsync(HttpContext http, FaultRule rule, RequestRecord record)
    {
        record.MetaCode = ApiCodes.Success;
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        await response.Body.WriteAsync(CarrierListHead, http.RequestAborted);
        var perChunk = Math.Max(1, 64 * 1024 / (rule.Items!.Length + 1));
        for (var sent = 0; sent < rule.Repeat;)
        {
            var copies = Math.Min(perChunk, rule.Repeat - sent);
            var chunk = new MemoryStream(copies * (rule.Items.Length + 1));
            for (var k = 0; k < copies; k++, sent++)
            {
                if (sent > 0) chunk.WriteByte((byte)',');
                chunk.Write(rule.Items);
            }
            await response.Body.WriteAsync(chunk.GetBuffer().AsMemory(0, (int)chunk.Length), http.RequestAborted);
        }
        await response.Body.WriteAsync(EndlessEnd.AsMemory(0, 2), http.RequestAborted);
    }

    private static readonly byte[] CarrierListHead = Encoding.UTF8.GetBytes("{\"meta\":{\"code\":200,\"type\":\"Success\",\"message\":\"Success\"},\"data\":[");

    /// <summary>DELETE /_emulator/faults: the compressed bombs go with the rules that asked for them.</summary>
    public static void ReleasePayloads() => Bombs.Clear();

    /// <summary>The bytes of the compressed bombs held now (shown by /_emulator/info).</summary>
    public static long PayloadBytes =>
        Bombs.Values.Sum(bomb => bomb.IsValueCreated && bomb.Value.IsCompletedSuccessfully ? (long)bomb.Value.Result.Length : 0);

    /// <summary>Starts compressing the bomb of that size (if not yet done) without waiting for it.</summary>
    public static void PrepareGzipBomb(int sizeMb) => _ = BombOf(sizeMb);

    /// <summary>huge-content-length: announces contentLength bytes, sends ~100, waits delayMs, cuts the connection.</summary>
    private static async Task HugeContentLengthAsync(HttpContext http, FaultRule rule)
    {
        var response = http.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = rule.ContentLength!.Value;
        await response.Body.WriteAsync(HugeContentLengthStart, http.RequestAborted);
        await response.Body.FlushAsync(http.RequestAborted);
        await Task.Delay(rule.DelayMs, http.RequestAborted);
        http.Abort();
    }

    private static Task<byte[]> BombOf(int sizeMb) =>
        Bombs.GetOrAdd(sizeMb, static mb => new Lazy<Task<byte[]>>(() => Task.Run(() => BuildBomb(mb)))).Value;

    /// <summary>
    /// gzip of <c>{meta…,"data":{"items":[],"padding":"000…"}}</c>, exactly sizeMb MiB once inflated. The inflated
    /// text never exists: one MiB of zeros is streamed into the compressor as often as needed.
    /// </summary>
    private static byte[] BuildBomb(int sizeMb)
    {
        var head = Encoding.UTF8.GetBytes("""
            {"meta":{"code":200,"type":"Success","message":"The request was successful."},
            "data":{"page":1,"limit":100,"total":"0","count":0,"items":[],"padding":"
            """.ReplaceLineEndings(""));
        var tail = "\"}}"u8;
        var zeros = new byte[Mib];
        Array.Fill(zeros, (byte)'0');
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(head);
            for (var left = (long)sizeMb * Mib - head.Length - tail.Length; left > 0; left -= zeros.Length)
                gzip.Write(zeros, 0, (int)Math.Min(left, zeros.Length));
            gzip.Write(tail);
        }
        return compressed.ToArray();
    }

    /// <summary><paramref name="unit"/> repeated to at least <paramref name="size"/> bytes.</summary>
    private static byte[] Repeat(byte[] unit, int size)
    {
        var copies = (size + unit.Length - 1) / unit.Length;
        var bytes = new byte[copies * unit.Length];
        for (var k = 0; k < copies; k++) unit.CopyTo(bytes, k * unit.Length);
        return bytes;
    }
}
