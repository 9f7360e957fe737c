using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// v4's published limits per key and endpoint (create 3/s, the others 10/s), a sliding one-second window, 429 with
/// the table's text and no Retry-After; and the quota (4190), shared with v2. Each on an emulator of its own.
/// </summary>
public sealed class V4RateLimitTests
{
    private static async Task<EmulatorProcess> StartAsync(params string[] arguments)
    {
        var emulator = new EmulatorProcess(arguments);
        await emulator.InitializeAsync();
        return emulator;
    }

    [Theory]
    [InlineData("trackings/create", 3)]
    [InlineData("trackings/get", 10)]
    [InlineData("couriers/all", 10)]
    public async Task EachEndpointAnswers429BeyondItsLimitInOneSecond(string path, int limit)
    {
        var emulator = await StartAsync();
        try
        {
            var method = path == "trackings/create" ? HttpMethod.Post : HttpMethod.Get;
            string? Body() => method == HttpMethod.Post ? $$"""{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post"}""" : null;
            var answers = await Task.WhenAll(Enumerable.Range(0, limit + 2).Select(_ => emulator.SendV4Async(method, path, Body())));

            Assert.Equal(limit, answers.Count(a => a.HttpStatus == 200));
            var refused = answers.Where(a => a.HttpStatus != 200).ToList();
            Assert.Equal(2, refused.Count);
            foreach (var a in refused)
            {
                V4Record.Error(a, 429);
                Assert.Null(a.RetryAfter);
            }
            // Another endpoint has its own window, and the window slides: a second later the endpoint answers again.
            V4Record.Meta(await emulator.SendV4Async(HttpMethod.Post, "couriers/detect", """{"tracking_number":"RR123456785CN"}"""), 200);
            await Task.Delay(1100);
            V4Record.Meta(await emulator.SendV4Async(method, path, Body()), 200);
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreatesBeyondTheQuotaAre4190AndV2SpendsTheSameQuota()
    {
        var emulator = await StartAsync("--quota", "2");
        try
        {
            Check.Success(await emulator.PostAsync("trackings/post", Numbers.CreateJson(Numbers.Next())));
            V4Record.Meta(await emulator.SendV4Async(HttpMethod.Post, "trackings/create", $$"""{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post"}"""), 200);

            V4Record.Error(await emulator.SendV4Async(HttpMethod.Post, "trackings/create", $$"""{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post"}"""), 4190);
            var batch = await emulator.SendV4Async(HttpMethod.Post, "trackings/batch", $$"""[{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post"}]""");
            V4Record.Meta(batch, 200);
            Assert.Equal(4190, batch.Data.GetProperty("error")[0].GetProperty("errorCode").GetInt32());
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }
}
