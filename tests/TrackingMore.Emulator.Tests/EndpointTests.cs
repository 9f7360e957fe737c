using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Every endpoint's success answer: meta as the record has it, data key by key and kind by kind against the
/// fixture of that endpoint, or against the shape api-v2.md describes where no answer was ever captured.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class EndpointTests(EmulatorProcess emulator)
{
    [Fact]
    public async Task CreateAnswersTheShortFormOfTheCreateSample()
    {
        var answer = await emulator.PostAsync("trackings/post", $$"""{"tracking_number":"{{Numbers.Next()}}","carrier_code":"poste-italiane"}""");

        Check.Success(answer);
        Shape.AssertMatches(Fixtures.Data("create-sample.json"), answer.Data, Shape.Exact);
        Assert.Equal("pending", answer.Data.GetProperty("status").GetString());
        // The service's quirk: unset customer fields come back as the string "null".
        Assert.Equal("null", answer.Data.GetProperty("customer_email").GetString());
    }

    [Fact]
    public async Task BatchAnswersAsTheCapturedBatchWithMeta201()
    {
        var existing = Numbers.Next();
        Check.Success(await emulator.PostAsync("trackings/post", Numbers.CreateJson(existing, "bestex")));
        var items = new[] { Numbers.Next(), Numbers.Next(), Numbers.Next(), existing }.Select(n => Numbers.CreateJson(n, "bestex"));

        var answer = await emulator.PostAsync("trackings/batch", "[" + string.Join(",", items) + "]");

        Check.Success(answer, 201);
        Shape.AssertMatches(Fixtures.Data("batch-captured-2019.json"), answer.Data, Shape.Exact);
        Assert.Equal((4, 3), (answer.Data.GetProperty("submitted").GetInt32(), answer.Data.GetProperty("added").GetInt32()));
        var error = Assert.Single(answer.Data.GetProperty("errors").EnumerateArray());
        Assert.Equal((4016, ApiRecord.Meta[4016].Message), (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task OneTrackingReadBackHasTheFullFormOfEveryCapturedTracking()
    {
        foreach (var item in await TrackingsWithResultsAsync())
        {
            var path = $"trackings/{item.GetProperty("carrier_code").GetString()}/{Uri.EscapeDataString(item.GetProperty("tracking_number").GetString()!)}";
            var answer = await emulator.GetAsync(path);

            Check.Success(answer);
            Check.FullForm(answer.Data);
        }
    }

    [Fact]
    public async Task ListAnswersThePageShapeOfTheCapturedList()
    {
        var answer = await emulator.GetAsync("trackings/get?limit=2000");

        Check.Success(answer);
        // The page object exactly; its items one by one below (each is in the short or the full form).
        var page = JsonNode.Parse(Fixtures.Data("list-captured-2019.json").GetRawText())!;
        page["items"] = new JsonArray();
        Shape.AssertMatches(JsonSerializer.SerializeToElement(page), answer.Data, Shape.Exact);
        Assert.Equal(JsonValueKind.String, answer.Data.GetProperty("total").ValueKind);
        var items = answer.Data.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(answer.Data.GetProperty("count").GetInt32(), items.Count);
        Assert.True(items.Count >= 40, $"the seeded trackings are listed ({items.Count})");
        foreach (var item in items)
        {
            if (item.GetProperty("status").GetString() == "pending" && !item.TryGetProperty("origin_info", out _)) Check.ShortForm(item);
            else Check.FullForm(item);
        }
    }

    [Fact]
    public async Task PutAnswersTheFullForm()
    {
        var item = (await TrackingsWithResultsAsync())[0];
        var path = $"trackings/{item.GetProperty("carrier_code").GetString()}/{Uri.EscapeDataString(item.GetProperty("tracking_number").GetString()!)}";

        var answer = await emulator.SendAsync(HttpMethod.Put, path, """{"title":"Conformance","archived":"false"}""");

        Check.Success(answer);
        Check.FullForm(answer.Data);
        Assert.Equal("Conformance", answer.Data.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeleteOneAnswersAsTheDocumentationSample()
    {
        var number = await emulator.CreateAsync();

        var answer = await emulator.SendAsync(HttpMethod.Delete, "trackings/china-post/" + number);

        Check.Success(answer);
        Assert.Equal(Fixtures.Root("delete-single-sample.json").GetRawText(), answer.Root.GetRawText());
    }

    [Theory]
    [InlineData("trackings/updatemore", "updated", ""","title":"bulk" """)]
    [InlineData("trackings/delete", "delete", "")]
    [InlineData("trackings/notupdate", "change", "")]
    public async Task BulkChangesAnswerTheBatchShapeWithTheirOwnCount(string path, string countName, string extraFields)
    {
        var number = await emulator.CreateAsync();
        var body = $$"""[{"tracking_number":"{{number}}","carrier_code":"china-post"{{extraFields}}},{"tracking_number":"{{Numbers.Next()}}","carrier_code":"china-post"}]""";

        var answer = await emulator.PostAsync(path, body);

        Check.Success(answer);
        // api-v2.md: {submitted, <count>, trackings, errors}, items and errors as batch's (a Decision for these three).
        var expected = JsonNode.Parse(Fixtures.Data("batch-captured-2019.json").GetRawText())!.AsObject();
        var count = expected["added"]!;
        expected.Remove("added");
        expected.Insert(1, countName, count.DeepClone());
        Shape.AssertMatches(JsonSerializer.SerializeToElement(expected), answer.Data, Shape.Exact);
        Assert.Equal((2, 1), (answer.Data.GetProperty("submitted").GetInt32(), answer.Data.GetProperty(countName).GetInt32()));
        var error = Assert.Single(answer.Data.GetProperty("errors").EnumerateArray());
        Assert.Equal((4017, ApiRecord.Meta[4017].Message), (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task RealtimeAnswersItemsOfTheFullFormAsTheRealtimeSample()
    {
        var answer = await emulator.PostAsync("trackings/realtime", Numbers.CreateJson(Numbers.Next("HK"), "hong-kong-post"), EmulatorProcess.RealtimeKeys[1]);

        Check.Success(answer);
        Shape.AssertMatches(Fixtures.Data("realtime-sample.json"), answer.Data, Shape.Tracking);
        Check.FullForm(Assert.Single(answer.Data.GetProperty("items").EnumerateArray()));
    }

    [Fact]
    public async Task ChangingTheCarrierAnswersAsTheDocumentationSample()
    {
        var number = await emulator.CreateAsync();

        var answer = await emulator.PostAsync("trackings/update",
            $$"""{"tracking_number":"{{number}}","carrier_code":"china-post","update_carrier_code":"china-ems"}""");

        Check.Success(answer);
        Assert.Equal(Fixtures.Data("update-carrier-sample.json").GetRawText(), answer.Data.GetRawText());
        Check.Success(await emulator.GetAsync("trackings/china-ems/" + number));
    }

    [Fact]
    public async Task UserInfoAnswersAsTheDocumentationSample()
    {
        var answer = await emulator.GetAsync("trackings/getuserinfo");

        Check.Success(answer);
        Shape.AssertMatches(Fixtures.Data("userinfo-sample.json"), answer.Data, Shape.Exact);
        Assert.True(long.TryParse(answer.Data.GetProperty("regtime").GetString(), out _), "regtime is unix seconds as a string");
    }

    [Fact]
    public async Task StatusNumberAnswersOneIntegerPerStatus()
    {
        var answer = await emulator.GetAsync("trackings/getstatusnumber");

        Check.Success(answer);
        var expected = JsonSerializer.SerializeToElement(new Dictionary<string, int>
        {
            ["pending"] = 0, ["notfound"] = 0, ["transit"] = 0, ["pickup"] = 0,
            ["delivered"] = 0, ["undelivered"] = 0, ["exception"] = 0, ["expired"] = 0,
        });
        Shape.AssertMatches(expected, answer.Data, Shape.Exact);
    }

    [Fact]
    public async Task RemoteAnswersAsTheDocumentationExampleWithItsMessage()
    {
        var answer = await emulator.PostAsync("trackings/remote", """[{"country":"JP","postcode":"7621094","company":"ups"},{"country":"Atlantis","postcode":"1"}]""");

        Check.Success(answer);
        Assert.Equal(Fixtures.Root("remote-sample.json").GetProperty("meta").GetRawText(), answer.Meta.GetRawText());
        Shape.AssertMatches(Fixtures.Data("remote-sample.json"), answer.Data, Shape.Exact);
        Assert.Equal(Fixtures.Data("remote-sample.json").GetProperty("remote").GetRawText(), answer.Data.GetProperty("remote").GetRawText());
    }

    [Fact]
    public async Task TransitTimeAnswersOneEntryPerTriple()
    {
        var answer = await emulator.PostAsync("trackings/costtime",
            """[{"carrier_code":"dhl","original":"CN","destination":"US"},{"carrier_code":"china-post","original":"CN","destination":"IT"}]""");

        Check.Success(answer);
        // api-v2.md: carrier_code, original, destination, total, delivered, range1, range3, range4, range5, … (range6 is the "…").
        var entry = """{"carrier_code":"","original":"","destination":"","total":0,"delivered":0,"range1":0,"range3":0,"range4":0,"range5":0,"range6":0}""";
        Shape.AssertMatches(JsonDocument.Parse("[" + entry + "]").RootElement, answer.Data, Shape.Exact);
        Assert.Equal(2, answer.Data.GetArrayLength());
    }

    [Fact]
    public async Task AirCargoAnswersOneEntryPerAirWaybill()
    {
        var answer = await emulator.PostAsync("trackings/aircargo", """{"track_number":["172-28891936","020 12345675"],"lang":"en"}""");

        Check.Success(answer);
        var entry = """{"track_number":"","weight":"","piece":"","origin":"","destination":"","status_number":0,"track_info":[{"plan_date":"","actual_date":"","event":"","station":"","flight_number":""}]}""";
        Shape.AssertMatches(JsonDocument.Parse("[" + entry + "]").RootElement, answer.Data, Shape.Exact);
        Assert.Equal(2, answer.Data.GetArrayLength());
    }

    [Fact]
    public async Task CarriersAnswerAsTheDocumentationSampleWithAMetaOfCodeOnly()
    {
        var answer = await emulator.GetAsync("carriers");

        Assert.Equal(Fixtures.Root("carriers-sample.json").GetProperty("meta").GetRawText(), answer.Meta.GetRawText());
        // Beyond the sample: each carrier's home country (issue 12).
        Shape.AssertMatches(Fixtures.Data("carriers-sample.json"), answer.Data, name => name == "data" ? new HashSet<string> { "country" } : null);
        var sample = Fixtures.Data("carriers-sample.json").EnumerateArray().ToList();
        foreach (var expected in sample)
        {
            var actual = answer.Data.EnumerateArray().Single(c => c.GetProperty("code").GetString() == expected.GetProperty("code").GetString());
            foreach (var field in new[] { "name", "phone", "homepage", "type" })
                Assert.Equal(expected.GetProperty(field).GetString(), actual.GetProperty(field).GetString());
        }
    }

    [Fact]
    public async Task DetectAnswersAsTheDocumentationSample()
    {
        var answer = await emulator.PostAsync("carriers/detect", """{"tracking_number":"RR123456785CN"}""");

        Check.Success(answer);
        Assert.Equal(Fixtures.Data("detect-sample.json").GetRawText(), answer.Data.GetRawText());
    }

    /// <summary>Seeded trackings past their pending phase, of several statuses.</summary>
    private async Task<List<JsonElement>> TrackingsWithResultsAsync()
    {
        var found = new List<JsonElement>();
        foreach (var status in new[] { "transit", "delivered", "exception", "notfound" })
        {
            var page = await emulator.GetAsync($"trackings/get?status={status}&limit=3");
            Check.Success(page);
            found.AddRange(page.Data.GetProperty("items").EnumerateArray());
        }
        Assert.True(found.Count >= 4, "the seed holds trackings of these statuses");
        return found;
    }
}
