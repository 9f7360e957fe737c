using Microsoft.AspNetCore.Http.Features;

namespace TrackingMore.Emulator;

/// <summary>
/// late-answer: the request does its work and writes its answer as usual, but into a buffer; the answer goes out
/// only after the rule's delay, so a client whose timeout is shorter gives up on a request the service carried out.
/// </summary>
internal sealed class LateAnswer
{
    private readonly HttpContext _http;
    private readonly IHttpResponseBodyFeature _real;
    private readonly MemoryStream _buffer = new();
    private readonly StreamResponseBodyFeature _held;

    private LateAnswer(HttpContext http)
    {
        _http = http;
        _real = http.Features.Get<IHttpResponseBodyFeature>()!;
        _held = new StreamResponseBodyFeature(_buffer);
        http.Features.Set<IHttpResponseBodyFeature>(_held);
    }

    /// <summary>Whether the answer went out (false when the client left during the wait: the log shows status 0).</summary>
    public bool Sent { get; private set; }

    /// <summary>From now on the request's answer is written into the buffer; status and headers wait with it.</summary>
    public static LateAnswer Hold(HttpContext http) => new(http);

    /// <summary>Waits <paramref name="delayMs"/> (ending early, with nothing sent, when the client goes), then sends the held answer.</summary>
    public async Task SendAsync(int delayMs, CancellationToken aborted)
    {
        await _held.CompleteAsync();
        await Task.Delay(delayMs, aborted);
        _http.Features.Set(_real);
        _http.Response.ContentLength = _buffer.Length;
        await _http.Response.Body.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), aborted);
        Sent = true;
    }
}
