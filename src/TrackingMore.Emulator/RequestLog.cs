using System.Diagnostics;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>One received /v2 or /v4 request as GET /_emulator/requests shows it. The API key itself is never kept.</summary>
internal sealed class RequestRecord
{
    public long Seq;
    public required string Method;
    public required string Path;
    public required string Query;
    public long BodySize;
    public double StartedMs;        // unix milliseconds with fractions
    public long StartedTimestamp;   // Stopwatch timestamp, for durations and rate limits
    public double DurationMs;
    public int HttpStatus;
    public int? MetaCode;
    public bool ApiKeyValid;
    public bool KeyHeader;          // the version's key header arrived (Trackingmore-Api-Key, Tracking-Api-Key), whatever its value
    public required string Listener; // "primary" or "second" (see Listeners)
    public string? Fault;
}

/// <summary>
/// A bounded ring of the last requests, for tests and benchmarks that measure what a client really sent
/// (pacing, retries, batch sizes). Appending is O(1) under a short lock.
/// </summary>
internal sealed class RequestLog(int capacity = 100_000)
{
    private readonly Lock _gate = new();
    private readonly RequestRecord?[] _ring = new RequestRecord?[capacity];
    private long _appended;
    private long _nextSeq;

    /// <summary>Wall-clock unix ms at start plus a monotonic stopwatch: precise, and never jumps backwards.</summary>
    private readonly double _epochMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private readonly long _epochTimestamp = Stopwatch.GetTimestamp();

    public RequestRecord Begin(HttpContext http, string rawPath, string rawQuery, string listener, string keyHeader)
    {
        var now = Stopwatch.GetTimestamp();
        return new RequestRecord
        {
            Seq = Interlocked.Increment(ref _nextSeq),
            Method = http.Request.Method,
            Path = rawPath,
            Query = rawQuery,
            Listener = listener,
            KeyHeader = http.Request.Headers.ContainsKey(keyHeader),
            StartedTimestamp = now,
            StartedMs = _epochMs + Stopwatch.GetElapsedTime(_epochTimestamp, now).TotalMilliseconds,
        };
    }

    public void End(RequestRecord r, int httpStatus)
    {
        r.HttpStatus = httpStatus;
        r.DurationMs = Stopwatch.GetElapsedTime(r.StartedTimestamp).TotalMilliseconds;
        lock (_gate)
        {
            _ring[_appended % _ring.Length] = r;
            _appended++;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            Array.Clear(_ring);
            _appended = 0;
        }
    }

    /// <summary>The kept records with a sequence number above <paramref name="afterSeq"/>, in arrival order.</summary>
    public List<RequestRecord> Snapshot(long afterSeq)
    {
        List<RequestRecord> list;
        lock (_gate)
        {
            var n = (int)Math.Min(_appended, _ring.Length);
            list = new List<RequestRecord>(n);
            for (var k = _appended - n; k < _appended; k++)
            {
                var r = _ring[k % _ring.Length]!;
                if (r.Seq > afterSeq) list.Add(r);
            }
        }
        // Records are appended when they finish; concurrent requests can finish out of arrival order.
        list.Sort(static (a, b) => a.Seq.CompareTo(b.Seq));
        return list;
    }

    public static void Write(Utf8JsonWriter w, RequestRecord r)
    {
        w.WriteStartObject();
        w.WriteNumber("seq", r.Seq);
        w.WriteString("method", r.Method);
        w.WriteString("path", r.Path);
        w.WriteString("query", r.Query);
        w.WriteNumber("bodySize", r.BodySize);
        w.WriteString("started", DateTimeOffset.FromUnixTimeMilliseconds((long)r.StartedMs).UtcDateTime
            .ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("startedMs", Math.Round(r.StartedMs, 3));
        w.WriteNumber("durationMs", Math.Round(r.DurationMs, 3));
        w.WriteNumber("httpStatus", r.HttpStatus);
        if (r.MetaCode is { } code) w.WriteNumber("metaCode", code);
        else w.WriteNull("metaCode");
        w.WriteBoolean("apiKeyValid", r.ApiKeyValid);
        w.WriteBoolean("keyHeader", r.KeyHeader);
        w.WriteString("listener", r.Listener);
        w.WriteString("fault", r.Fault);
        w.WriteEndObject();
    }
}
