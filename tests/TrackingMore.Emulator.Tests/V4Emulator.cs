using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// The emulator the v4 conformance tests share: seeded trackings of every status (one expired among them), and a
/// key the account forbids. Its requests pace themselves like a client inside v4's limits: a 429 is waited out
/// once (the limits themselves are tested on emulators of their own, in <see cref="V4RateLimitTests"/>).
/// </summary>
public sealed class V4Emulator : IAsyncLifetime
{
    public const string ForbiddenKey = "forbidden-key";

    public EmulatorProcess Process { get; } = new("--list-interval-ms", "0", "--seed", "40", "--forbidden-key", ForbiddenKey);

    public Task InitializeAsync() => Process.InitializeAsync();

    public Task DisposeAsync() => Process.DisposeAsync();

    public async Task<Answer> V4(HttpMethod method, string path, string? json = null, string apiKey = EmulatorProcess.ApiKey)
    {
        var answer = await Process.SendV4Async(method, path, json, apiKey);
        if (answer.HttpStatus != 429) return answer;
        await Task.Delay(1100);
        return await Process.SendV4Async(method, path, json, apiKey);
    }

    public Task<Answer> Get(string path) => V4(HttpMethod.Get, path);

    public Task<Answer> Post(string path, string json) => V4(HttpMethod.Post, path, json);

    /// <summary>Creates a tracking through v4 and returns it (the create answer's data).</summary>
    public async Task<JsonElement> CreateAsync(string? number = null, string courier = "china-post", string extra = "")
    {
        var answer = await Post("trackings/create", $$"""{"tracking_number":"{{number ?? Numbers.Next()}}","courier_code":"{{courier}}"{{extra}}}""");
        V4Record.Meta(answer, 200);
        return answer.Data;
    }
}

[CollectionDefinition(Name)]
public sealed class V4Collection : ICollectionFixture<V4Emulator>
{
    public const string Name = "v4";
}
