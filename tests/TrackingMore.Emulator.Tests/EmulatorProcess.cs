using System.Diagnostics;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// The emulator as its own process on a free loopback port, driven with raw HTTP. TRACKINGMORE_TEST_EMULATOR
/// points at another build (e.g. an older one, to see this suite fail on it); by default the dll built beside
/// this project is used.
/// </summary>
public sealed partial class EmulatorProcess : IAsyncLifetime
{
    public const string ApiKey = "conformance-key";

    /// <summary>Keys of their own for the realtime tests: its limit (3 requests a second) is per key.</summary>
    public static readonly string[] RealtimeKeys = ["realtime-key-1", "realtime-key-2", "realtime-key-3"];

    private readonly string[] _arguments;
    private Process? _process;

    /// <summary>The shared one: no list pacing (tests list often), and seeded trackings of every status and shape.</summary>
    public EmulatorProcess() : this("--list-interval-ms", "0", "--seed", "40") { }

    /// <summary>One with other arguments, started and stopped by the test itself.</summary>
    internal EmulatorProcess(params string[] arguments) => _arguments = arguments;

    public Uri BaseUri { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public static string DllPath =>
        Environment.GetEnvironmentVariable("TRACKINGMORE_TEST_EMULATOR") is { Length: > 0 } overridden
            ? overridden
            : typeof(EmulatorProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "EmulatorDll").Value!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(DllPath)) throw new FileNotFoundException("The emulator is not built.", DllPath);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { DllPath, "--port", "0", "--api-key", ApiKey }) start.ArgumentList.Add(a);
        foreach (var key in RealtimeKeys)
        {
            start.ArgumentList.Add("--api-key");
            start.ArgumentList.Add(key);
        }
        foreach (var a in _arguments) start.ArgumentList.Add(a);
        _process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(25));
        while (true)
        {
            var line = await _process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new InvalidOperationException("The emulator exited before listening.");
            var m = ListeningLine().Match(line);
            if (!m.Success) continue;
            BaseUri = new Uri(m.Groups[1].Value.TrimEnd('/') + "/");
            break;
        }
        // Keep draining stdout so the emulator never blocks on a full pipe.
        _ = _process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
    }

    public Task DisposeAsync()
    {
        Http.Dispose();
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"Listening on (http://\S+)")]
    private static partial Regex ListeningLine();

    /// <summary>Sends one request below /v2 (path as written: the caller encodes) and parses the envelope.</summary>
    public async Task<Answer> SendAsync(HttpMethod method, string path, string? json = null, string apiKey = ApiKey,
        Action<HttpRequestMessage>? adjust = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        request.Headers.Add("Trackingmore-Api-Key", apiKey);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        adjust?.Invoke(request);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Answer((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), path);
    }

    public Task<Answer> GetAsync(string path, string apiKey = ApiKey) => SendAsync(HttpMethod.Get, path, null, apiKey);

    /// <summary>Sends one request below /v4 with v4's key header (Tracking-Api-Key) and parses the envelope.</summary>
    public async Task<Answer> SendV4Async(HttpMethod method, string path, string? json = null, string apiKey = ApiKey)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, "../v4/" + path));
        request.Headers.Add("Tracking-Api-Key", apiKey);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return new Answer((int)response.StatusCode, JsonDocument.Parse(body).RootElement.Clone(), "v4/" + path)
        {
            RetryAfter = response.Headers.RetryAfter?.ToString(),
        };
    }

    public Task<Answer> PostAsync(string path, string json, string apiKey = ApiKey) => SendAsync(HttpMethod.Post, path, json, apiKey);

    /// <summary>Creates a china-post tracking the carrier knows (its story ends delivered); returns its number.</summary>
    public async Task<string> CreateAsync()
    {
        var number = Numbers.Next();
        Check.Success(await PostAsync("trackings/post", Numbers.CreateJson(number)));
        return number;
    }

    /// <summary>Moves the emulator's simulated clock forward (its test hook; not part of the API).</summary>
    public async Task AdvanceClockAsync(long seconds)
    {
        using var content = new StringContent($"{{\"advanceSeconds\":{seconds}}}", Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(BaseUri, "../_emulator/clock"), content);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A body sent with chunked transfer encoding (no Content-Length), as some HTTP stacks do.</summary>
    public static HttpContent Chunked(string json)
    {
        var content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(json)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    /// <summary>A readable stream that will not tell its length, so HttpClient must send it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>One answer: the HTTP status and the parsed envelope.</summary>
public sealed record Answer(int HttpStatus, JsonElement Root, string Path)
{
    /// <summary>The Retry-After header of a v4 answer, if any.</summary>
    public string? RetryAfter { get; init; }

    public JsonElement Meta => Root.GetProperty("meta");
    public JsonElement Data => Root.GetProperty("data");
    public int Code => Meta.GetProperty("code").GetInt32();
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorProcess>
{
    public const string Name = "emulator";
}
