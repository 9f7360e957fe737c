using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Faults that shape a bulk request's answer. late-answer: the request does its work at once and its answer waits
/// delayMs, so a client with a shorter timeout gives up on a request the service carried out. echo-key-items: every
/// item refused with a text that quotes the key. Each test starts an emulator of its own, so its rules meet no other
/// test's requests.
/// </summary>
public sealed class BulkAnswerFaultTests
{
    private static async Task<HttpResponseMessage> AddRuleAsync(EmulatorProcess emulator, string json)
    {
        using var rule = new StringContent(json, Encoding.UTF8, "application/json");
        return await emulator.Http.PostAsync(new Uri(emulator.BaseUri, "../_emulator/faults"), rule);
    }

    private static async Task WithEmulatorAsync(Func<EmulatorProcess, Task> test)
    {
        var emulator = new EmulatorProcess();
        await emulator.InitializeAsync();
        try
        {
            await test(emulator);
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public Task ARequestWhoseClientGaveUpBeforeTheLateAnswerWasCarriedOut() => WithEmulatorAsync(async emulator =>
    {
        (await AddRuleAsync(emulator, """{"path":"/trackings/batch","count":1,"action":"late-answer","delayMs":60000}""")).EnsureSuccessStatusCode();
        var number = Numbers.Next();
        using var impatient = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, "trackings/batch"))
        {
            Content = new StringContent("[" + Numbers.CreateJson(number) + "]", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Trackingmore-Api-Key", EmulatorProcess.ApiKey);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient.SendAsync(request));

        var found = await emulator.GetAsync("trackings/get?numbers=" + number);
        Check.Success(found);
        Assert.Equal(number, Assert.Single(found.Data.GetProperty("items").EnumerateArray()).GetProperty("tracking_number").GetString());
    });

    [Fact]
    public Task AClientThatWaitsGetsTheRequestsOwnAnswer() => WithEmulatorAsync(async emulator =>
    {
        (await AddRuleAsync(emulator, """{"path":"/trackings/delete","count":1,"action":"late-answer","delayMs":300}""")).EnsureSuccessStatusCode();
        var number = await emulator.CreateAsync();

        var answer = await emulator.PostAsync("trackings/delete", $$"""[{"tracking_number":"{{number}}","carrier_code":"china-post"}]""");

        Check.Success(answer);
        Assert.Equal(number, Assert.Single(answer.Data.GetProperty("trackings").EnumerateArray()).GetProperty("tracking_number").GetString());
        Assert.Empty((await emulator.GetAsync("trackings/get?numbers=" + number)).Data.GetProperty("items").EnumerateArray());
    });

    [Theory]
    [InlineData("0", HttpStatusCode.BadRequest)]
    [InlineData("120001", HttpStatusCode.BadRequest)]
    [InlineData("1", HttpStatusCode.OK)]
    [InlineData("120000", HttpStatusCode.OK)]
    public Task TheWaitIsBoundedToTwoMinutes(string delayMs, HttpStatusCode expected) => WithEmulatorAsync(async emulator =>
    {
        using var response = await AddRuleAsync(emulator, $$"""{"path":"/trackings/post","count":1,"action":"late-answer","delayMs":{{delayMs}}}""");

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
            Assert.Contains("delayMs must be an integer from 1 to 120000", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    });

    [Theory]
    [InlineData("trackings/batch", "errors")]
    [InlineData("trackings/delete", "errors")]
    [InlineData("trackings/remote", "other")]
    public Task EchoKeyItemsRefusesEveryItemQuotingTheKeyWithControlCharacters(string path, string list) => WithEmulatorAsync(async emulator =>
    {
        (await AddRuleAsync(emulator, $$"""{"path":"/{{path}}","action":"echo-key-items"}""")).EnsureSuccessStatusCode();
        var body = list == "other"
            ? """[{"country":"JP","postcode":"100-0001"},{"country":"JP","postcode":"100-0002"}]"""
            : "[" + Numbers.CreateJson(Numbers.Next()) + "," + Numbers.CreateJson(Numbers.Next()) + "]";

        var answer = await emulator.PostAsync(path, body);

        Check.Success(answer);
        var refused = answer.Data.GetProperty(list).EnumerateArray().ToList();
        Assert.Equal(2, refused.Count);
        Assert.All(refused, item =>
        {
            var message = item.GetProperty("message").GetString()!;
            Assert.Equal(2, message.Split(EmulatorProcess.ApiKey).Length - 1);
            Assert.Contains('\u001b', message);
            Assert.Contains('\u0007', message);
        });
        if (list == "errors") Assert.All(refused, item => Assert.Equal(4015, item.GetProperty("code").GetInt32()));
    });
}
