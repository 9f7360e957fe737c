using System.Net;
using System.Security;
using TrackingMore.Api;

namespace TrackingMore.Tests;

/// <summary>The captured responses in tests/fixtures, and a client that receives them through the real transport.</summary>
internal static class Fixtures
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Directory => Path.Combine(RepositoryRoot, "tests", "fixtures");

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Directory, name));

    public static SecureString Key(string text)
    {
        var key = new SecureString();
        foreach (var c in text) key.AppendChar(c);
        return key;
    }

    public static ConnectionSettings Settings(int retries = 0, string key = "fixture-key", ApiVersion version = ApiVersion.V2) =>
        new(new Uri("http://127.0.0.1:9/" + version.ToString().ToLowerInvariant()), Key(key), retries, TimeSpan.FromSeconds(10), apiVersion: version);

    /// <summary>
    /// A client whose every request is answered by <paramref name="answer"/>; requests are recorded. Each client has
    /// a key of its own, so it has rate gates of its own: tests neither wait for nor disturb each other.
    /// </summary>
    public static TrackingMoreClient Client(Func<HttpRequestMessage, HttpResponseMessage> answer, List<HttpRequestMessage>? seen = null, int retries = 0,
        ApiClock? clock = null, ApiVersion version = ApiVersion.V2) =>
        new(Settings(retries, "fixture-key-" + Guid.NewGuid().ToString("N"), version), new HttpMessageInvoker(new StubHandler(answer, seen)), clock);

    public static TrackingMoreClient ClientAnswering(string fixture, HttpStatusCode status = HttpStatusCode.OK) =>
        Client(_ => new HttpResponseMessage(status) { Content = new ByteArrayContent(Bytes(fixture)) });

    /// <summary>
    /// A client that answers every request with <paramref name="body"/> (a fixture's bytes or JSON written in the
    /// test) and records each request as sent: method, path with query, body.
    /// </summary>
    public static TrackingMoreClient ClientRecording(byte[] body, List<RecordedRequest> seen) =>
        Client(request =>
        {
            lock (seen) seen.Add(new RecordedRequest(request.Method.Method, request.RequestUri!.PathAndQuery, request.Content?.ReadAsStringAsync().Result));
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) };
        });

    /// <summary>An envelope with meta 200 around <paramref name="dataJson"/>, for answers no fixture holds.</summary>
    public static byte[] Envelope(string dataJson) =>
        System.Text.Encoding.UTF8.GetBytes("{\"meta\":{\"code\":200,\"type\":\"Success\",\"message\":\"Success\"},\"data\":" + dataJson + "}");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TrackingMore.psd1"))) return dir.FullName;
        throw new InvalidOperationException("TrackingMore.psd1 not found above " + AppContext.BaseDirectory);
    }

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer, List<HttpRequestMessage>? seen) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (this) seen?.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}

internal sealed record RecordedRequest(string Method, string PathAndQuery, string? Body);
