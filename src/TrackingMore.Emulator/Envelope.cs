using System.Text.Encodings.Web;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// Writes <c>{"meta":{code,type,message},"data":...}</c> straight into the response pipe. No intermediate strings:
/// a 2000-item page is several megabytes.
/// </summary>
internal static class Envelope
{
    /// <summary>Non-ASCII text goes out as UTF-8, as the real service sends Chinese and Cyrillic.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task WriteAsync(
        HttpContext http, RequestRecord record, bool httpErrors, int code, string? message,
        Func<Utf8JsonWriter, Task>? data, bool metaCodeOnly = false)
    {
        record.MetaCode = code;
        http.Response.StatusCode = httpErrors ? ApiCodes.HttpStatus(code) : 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(http.Response.BodyWriter, WriterOptions);
        w.WriteStartObject();
        w.WriteStartObject("meta");
        w.WriteNumber("code", code);
        if (!metaCodeOnly)
        {
            var (type, defaultMessage) = ApiCodes.Describe(code);
            w.WriteString("type", type);
            w.WriteString("message", message ?? defaultMessage);
        }
        w.WriteEndObject();
        w.WritePropertyName("data");
        if (data is null)
        {
            w.WriteStartArray();
            w.WriteEndArray();
        }
        else
        {
            await data(w);
        }
        w.WriteEndObject();
        await w.FlushAsync();
    }

    /// <summary>Writes a value that the API types loosely: string, string[], integer or null.</summary>
    public static void WriteLoose(Utf8JsonWriter w, string name, object? value)
    {
        switch (value)
        {
            case null: w.WriteNull(name); break;
            case string s: w.WriteString(name, s); break;
            case long n: w.WriteNumber(name, n); break;
            case string[] list:
                w.WriteStartArray(name);
                foreach (var s in list) w.WriteStringValue(s);
                w.WriteEndArray();
                break;
            default: throw new ArgumentException($"unexpected loose value {value.GetType()}", nameof(value));
        }
    }
}
