using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Every error code the emulator can produce, each provoked the way a client would and asserted against the
/// status-code page's texts (api-v2.md "Meta messages, verbatim"). Not here: 500, which only an internal fault of
/// the emulator produces, and the codes the emulator never sends (202, 401, 4002, 4018, 4019, 4031, 402, 403, 409, 503).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ErrorCodeTests(EmulatorProcess emulator)
{
    [Fact]
    public async Task UnknownKeyIs4001AsCaptured()
    {
        var answer = await emulator.GetAsync("trackings/getuserinfo", apiKey: "not-a-key");

        Check.Error(answer, 4001);
        Assert.Equal(Fixtures.Root("error-4001.json").GetRawText(), answer.Root.GetRawText());
    }

    [Theory]
    [InlineData("trackings/post", "")]
    [InlineData("trackings/post", "[]")]
    [InlineData("trackings/batch", "{}")]
    [InlineData("trackings/get?page=0", null)]
    [InlineData("trackings/get?status=lost", null)]
    [InlineData("trackings/costtime", """[{"carrier_code":"dhl","original":"China","destination":"US"}]""")]
    public async Task MissingOrUnreadableParametersAre4012(string path, string? body)
    {
        var answer = body is null ? await emulator.GetAsync(path) : await emulator.PostAsync(path, body);

        Check.Error(answer, 4012);
    }

    [Theory]
    [InlineData("trackings/post", """{"carrier_code":"dhl"}""")]
    [InlineData("trackings/realtime", """{"carrier_code":"dhl"}""")]
    [InlineData("carriers/detect", "{}")]
    [InlineData("trackings/aircargo", """{"lang":"en"}""")]
    public async Task AbsentTrackingNumberIs4013(string path, string body) =>
        Check.Error(await emulator.PostAsync(path, body), 4013);

    [Theory]
    [InlineData("trackings/post", """{"tracking_number":"   ","carrier_code":"dhl"}""")]
    [InlineData("trackings/post", """{"tracking_number":"123456789012345678901234567890123456789012345678901","carrier_code":"dhl"}""")]
    [InlineData("trackings/aircargo", """{"track_number":["172-28891936","not-an-awb"]}""")]
    public async Task InvalidTrackingNumberIs4014(string path, string body) =>
        Check.Error(await emulator.PostAsync(path, body), 4014);

    [Theory]
    [InlineData("""{"tracking_number":"RR123456785CN","carrier_code":"no-such-carrier"}""")]
    [InlineData("""{"tracking_number":"RR123456785CN","carrier_code":"China Post"}""")]
    [InlineData("""{"tracking_number":"RR123456785CN"}""")]
    [InlineData("tracking_number=RR123456785CN&carrier_code=china-post")]
    public async Task InvalidCarrierOrABodyThatIsNotJsonIs4015(string body) =>
        Check.Error(await emulator.PostAsync("trackings/post", body), 4015);

    [Theory]
    [InlineData("trackings/get")]
    [InlineData("trackings/getstatusnumber")]
    public async Task AListBodyThatIsNotJsonIs4015(string path) =>
        Check.Error(await emulator.SendAsync(HttpMethod.Post, path, "page=1&limit=2"), 4015);

    [Theory]
    [InlineData("trackings/get")]
    [InlineData("trackings/getstatusnumber")]
    public async Task ABlankListBodyCountsAsNoBody(string path) =>
        Check.Success(await emulator.SendAsync(HttpMethod.Post, path, " \r\n"));

    [Fact]
    public async Task UnknownCarrierInThePathIs4015() =>
        Check.Error(await emulator.GetAsync("trackings/no-such-carrier/RR123456785CN"), 4015);

    [Fact]
    public async Task CreatingTwiceIs4016()
    {
        var body = Numbers.CreateJson(Numbers.Next());
        Check.Success(await emulator.PostAsync("trackings/post", body));

        Check.Error(await emulator.PostAsync("trackings/post", body), 4016);
    }

    [Fact]
    public async Task UnknownTrackingIs4017ForGetPutAndDelete()
    {
        var path = "trackings/china-post/" + Numbers.Next();

        Check.Error(await emulator.GetAsync(path), 4017);
        Check.Error(await emulator.SendAsync(HttpMethod.Put, path, """{"title":"x"}"""), 4017);
        Check.Error(await emulator.SendAsync(HttpMethod.Delete, path), 4017);
        Check.Error(await emulator.PostAsync("trackings/update",
            $$"""{"tracking_number":"{{path.Split('/')[^1]}}","carrier_code":"china-post","update_carrier_code":"usps"}"""), 4017);
    }

    [Fact]
    public async Task DeletingANeverCreatedWishpostNumberIs4017NotAnUnknownCarrier() =>
        Check.Error(await emulator.SendAsync(HttpMethod.Delete, "trackings/wishpost/" + Numbers.Next()), 4017);

    [Theory]
    [InlineData("trackings/batch")]
    [InlineData("trackings/updatemore")]
    [InlineData("trackings/delete")]
    [InlineData("trackings/notupdate")]
    public async Task MoreThanFortyItemsIs4020(string path)
    {
        var items = Enumerable.Range(0, 41).Select(_ => Numbers.CreateJson(Numbers.Next()));

        Check.Error(await emulator.PostAsync(path, "[" + string.Join(",", items) + "]"), 4020);
    }

    [Fact]
    public async Task MoreThanFortyNumbersInAListFilterIs4020()
    {
        var numbers = string.Join(",", Enumerable.Range(0, 41).Select(_ => Numbers.Next()));

        Check.Error(await emulator.GetAsync("trackings/get?numbers=" + numbers), 4020);
    }

    [Fact]
    public async Task CreatingBeyondTheQuotaIs4021()
    {
        var small = new EmulatorProcess("--quota", "1");
        await small.InitializeAsync();
        try
        {
            Check.Success(await small.PostAsync("trackings/post", Numbers.CreateJson(Numbers.Next())));

            Check.Error(await small.PostAsync("trackings/post", Numbers.CreateJson(Numbers.Next())), 4021);
        }
        finally
        {
            await small.DisposeAsync();
        }
    }

    [Fact]
    public async Task ANumberNoCarrierUsesIs4032() =>
        Check.Error(await emulator.PostAsync("carriers/detect", """{"tracking_number":"ZZZ-NOTHING-42"}"""), 4032);

    [Theory]
    [InlineData("5")]
    [InlineData("\"delivered\"")]
    public async Task AStatusOtherThan4Or7Or8Is4033(string status)
    {
        var number = await emulator.CreateAsync();

        Check.Error(await emulator.SendAsync(HttpMethod.Put, "trackings/china-post/" + number, $$"""{"status":{{status}}}"""), 4033);
    }

    [Theory]
    [InlineData("nothing/here")]
    [InlineData("trackings/china-post/RR123456785CN/en/more")]
    public async Task UnknownPathIs404(string path) => Check.Error(await emulator.GetAsync(path), 404);

    [Theory]
    [InlineData("DELETE", "carriers")]
    [InlineData("GET", "trackings/post")]
    [InlineData("PUT", "trackings/batch")]
    public async Task WrongMethodIs405(string method, string path) =>
        Check.Error(await emulator.SendAsync(new HttpMethod(method), path, method == "GET" ? null : "{}"), 405);

    [Fact]
    public async Task TheSameShipmentTwiceInTwoHoursIs429AsCaptured()
    {
        var key = EmulatorProcess.RealtimeKeys[0];
        var body = Numbers.CreateJson(Numbers.Next());
        Check.Success(await emulator.PostAsync("trackings/realtime", body, key));

        var answer = await emulator.PostAsync("trackings/realtime", body, key);

        Check.Error(answer, 429);
        Assert.Equal(Fixtures.Root("error-429.json").GetRawText(), answer.Root.GetRawText());
    }
}
