using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// api-v2.md "What a freshly created tracking looks like": the short record until the carrier's first result,
/// and realtime, which asks the carrier at once and so ends the pending phase.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class FreshTrackingTests(EmulatorProcess emulator)
{
    [Fact]
    public async Task AJustCreatedTrackingReadsBackInTheShortFormByNumberAndInLists()
    {
        var number = await emulator.CreateAsync();

        var one = await emulator.GetAsync("trackings/china-post/" + number);
        var withLanguage = await emulator.GetAsync($"trackings/china-post/{number}/en");
        var listed = await emulator.GetAsync("trackings/get?numbers=" + number);

        Check.Success(one);
        Check.ShortForm(one.Data);
        Check.ShortForm(withLanguage.Data);
        Check.Success(listed);
        Check.ShortForm(Assert.Single(listed.Data.GetProperty("items").EnumerateArray()));
    }

    [Fact]
    public async Task RealtimeOnAJustCreatedNumberTheCarrierKnowsComesBackWithCheckpoints()
    {
        var number = await emulator.CreateAsync();

        var answer = await emulator.PostAsync("trackings/realtime", Numbers.CreateJson(number), EmulatorProcess.RealtimeKeys[2]);

        Check.Success(answer);
        var tracking = Assert.Single(answer.Data.GetProperty("items").EnumerateArray());
        Check.FullForm(tracking);
        Assert.NotEqual("pending", tracking.GetProperty("status").GetString());
        Assert.NotEmpty(tracking.GetProperty("origin_info").GetProperty("trackinfo").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(tracking.GetProperty("lastEvent").GetString()));

        // The pending phase is over for everyone who reads the tracking afterwards.
        var after = await emulator.GetAsync("trackings/china-post/" + number);
        Check.FullForm(after.Data);
        Assert.Equal(tracking.GetProperty("status").GetString(), after.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheFullFormFollowsTheCarriersFirstResult()
    {
        var number = await emulator.CreateAsync();
        Check.ShortForm((await emulator.GetAsync("trackings/china-post/" + number)).Data);

        // The first carrier query comes at most three simulated hours after creation.
        await emulator.AdvanceClockAsync(4 * 3600);

        var answer = await emulator.GetAsync("trackings/china-post/" + number);
        Check.FullForm(answer.Data);
        Assert.NotEqual("pending", answer.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ASetStatusIsAResultToo()
    {
        var number = await emulator.CreateAsync();

        var answer = await emulator.SendAsync(HttpMethod.Put, "trackings/china-post/" + number, """{"status":4}""");

        Check.Success(answer);
        Check.FullForm(answer.Data);
        Assert.Equal("delivered", answer.Data.GetProperty("status").GetString());
    }
}
