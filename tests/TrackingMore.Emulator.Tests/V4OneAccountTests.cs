using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// One account behind both versions (api-v4.md "More decisions"): a tracking created through one is listed,
/// updated and deleted through the other with the same id; and the hooks (faults, request log, clock) serve both.
/// </summary>
[Collection(V4Collection.Name)]
public sealed class V4OneAccountTests(V4Emulator v4)
{
    private EmulatorProcess Emulator => v4.Process;

    [Fact]
    public async Task CreatedThroughV2ReadUpdatedAndDeletedThroughV4AndBack()
    {
        var number = Numbers.Next();
        var created = await Emulator.PostAsync("trackings/post", Numbers.CreateJson(number));
        Check.Success(created);
        var id = created.Data.GetProperty("id").GetString();

        var listed = await v4.Get($"trackings/get?tracking_numbers={number}&courier_code=china-post");
        var t = Assert.Single(listed.Data.EnumerateArray());
        V4Record.Tracking(t);
        Assert.Equal(id, t.GetProperty("id").GetString());

        V4Record.Meta(await v4.V4(HttpMethod.Put, "trackings/update/" + id, """{"title":"Through v4","customer_sms":"+49 30 1"}"""), 200);
        var readBack = await Emulator.GetAsync("trackings/china-post/" + number);
        Check.Success(readBack);
        // Still pending for v2, which shows the short form (title, no customer_phone) until the carrier's first result.
        Assert.Equal("Through v4", readBack.Data.GetProperty("title").GetString());

        // v2's PUT shows through v4 too.
        Check.Success(await Emulator.SendAsync(HttpMethod.Put, "trackings/china-post/" + number, """{"title":"Through v2","archived":"true"}"""));
        t = Assert.Single((await v4.Get($"trackings/get?tracking_numbers={number}")).Data.EnumerateArray());
        Assert.Equal(("Through v2", "archived"), (t.GetProperty("title").GetString(), t.GetProperty("archived").GetString()));

        V4Record.Meta(await v4.V4(HttpMethod.Delete, "trackings/delete/" + id), 200);
        Check.Error(await Emulator.GetAsync("trackings/china-post/" + number), 4017);
    }

    [Fact]
    public async Task CreatedThroughV4IsSeenThroughV2WithTheSameId()
    {
        var t = await v4.CreateAsync(extra: ""","title":"v4 made" """);
        var number = t.GetProperty("tracking_number").GetString()!;

        var read = await Emulator.GetAsync("trackings/china-post/" + number);
        Check.Success(read);
        Assert.Equal((t.GetProperty("id").GetString(), "v4 made"), (read.Data.GetProperty("id").GetString(), read.Data.GetProperty("title").GetString()));

        Check.Success(await Emulator.SendAsync(HttpMethod.Delete, "trackings/china-post/" + number));
        V4Record.Error(await v4.V4(HttpMethod.Delete, "trackings/delete/" + t.GetProperty("id").GetString()), 4112);
        Assert.Equal("[]", (await v4.Get($"trackings/get?tracking_numbers={number}")).Data.GetRawText());
    }

    [Fact]
    public async Task AFaultRuleNamingV4HitsV4OnlyAndTheLogShowsV4Requests()
    {
        using var rule = new StringContent("""{"path":"/v4/couriers/all","action":"http503","count":1}""", System.Text.Encoding.UTF8, "application/json");
        (await Emulator.Http.PostAsync(new Uri(Emulator.BaseUri, "../_emulator/faults"), rule)).EnsureSuccessStatusCode();

        var v2 = await Emulator.GetAsync("carriers");
        using var faulted = new HttpRequestMessage(HttpMethod.Get, new Uri(Emulator.BaseUri, "../v4/couriers/all"));
        faulted.Headers.Add("Tracking-Api-Key", EmulatorProcess.ApiKey);
        using var response = await Emulator.Http.SendAsync(faulted);
        var after = await v4.Get("couriers/all");

        Assert.Equal(200, v2.HttpStatus);
        Assert.Equal(503, (int)response.StatusCode);
        V4Record.Meta(after, 200);
        var log = JsonDocument.Parse(await Emulator.Http.GetStringAsync(new Uri(Emulator.BaseUri, "../_emulator/requests"))).RootElement;
        var v4Records = log.EnumerateArray().Where(r => r.GetProperty("path").GetString() == "/v4/couriers/all").TakeLast(2).ToList();
        Assert.Equal(["http503", null], v4Records.Select(r => r.GetProperty("fault").GetString()));
        Assert.All(v4Records, r => Assert.True(r.GetProperty("keyHeader").GetBoolean() && r.GetProperty("apiKeyValid").GetBoolean()));
        Assert.Equal(200, v4Records[1].GetProperty("metaCode").GetInt32());
    }

    [Fact]
    public async Task ARulePathCoversWholeSegmentsOnly()
    {
        var emulator = new EmulatorProcess();
        await emulator.InitializeAsync();
        try
        {
            using var rule = new StringContent("""{"path":"/trackings/get","action":"meta429"}""", System.Text.Encoding.UTF8, "application/json");
            (await emulator.Http.PostAsync(new Uri(emulator.BaseUri, "../_emulator/faults"), rule)).EnsureSuccessStatusCode();

            int Code(Answer answer) => answer.Root.GetProperty("meta").GetProperty("code").GetInt32();
            Assert.Equal(200, Code(await emulator.GetAsync("trackings/getuserinfo")));
            Assert.Equal(429, Code(await emulator.GetAsync("trackings/get")));
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARuleWithoutAVersionHitsBothAndAListPageRuleReshapesV4Pages()
    {
        var emulator = new EmulatorProcess("--seed", "40");
        await emulator.InitializeAsync();
        try
        {
            async Task AddRuleAsync(string json)
            {
                using var rule = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
                (await emulator.Http.PostAsync(new Uri(emulator.BaseUri, "../_emulator/faults"), rule)).EnsureSuccessStatusCode();
            }

            await AddRuleAsync("""{"path":"/carriers","action":"http429","count":1}""");
            await AddRuleAsync("""{"path":"couriers","action":"http429","count":1}""");
            var v2 = await emulator.GetAsync("carriers");
            var v4 = await emulator.SendV4Async(HttpMethod.Get, "couriers/all");
            Assert.Equal(429, v2.HttpStatus);
            Assert.Equal(3, Shape.Keys(v2.Meta).Count); // v2's own envelope, with type
            V4Record.Error(v4, 429); // v4's own envelope

            // repeat-page: every page is page 1, so a client that waits for an empty page must bound its loop.
            await AddRuleAsync("""{"path":"/trackings/get","action":"repeat-page"}""");
            var first = await emulator.SendV4Async(HttpMethod.Get, "trackings/get?items_amount=10");
            var tenth = await emulator.SendV4Async(HttpMethod.Get, "trackings/get?items_amount=10&pages_amount=10");
            Assert.Equal(first.Data.GetRawText(), tenth.Data.GetRawText());
            Assert.Equal(10, tenth.Data.GetArrayLength());
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheClockMovesV4TrackingsToTheirEnd()
    {
        // An emulator of its own: a month later, the shared one's seeded statuses would all be final.
        var emulator = new EmulatorProcess();
        await emulator.InitializeAsync();
        try
        {
            var created = await emulator.SendV4Async(HttpMethod.Post, "trackings/create",
                $$"""{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post","note":"emulator:delivered"}""");
            V4Record.Meta(created, 200);

            await emulator.AdvanceClockAsync(30 * 86400);

            var number = created.Data.GetProperty("tracking_number").GetString();
            var later = Assert.Single((await emulator.SendV4Async(HttpMethod.Get, $"trackings/get?tracking_numbers={number}")).Data.EnumerateArray());
            Assert.Equal(("delivered", false), (later.GetProperty("delivery_status").GetString(), later.GetProperty("updating").GetBoolean()));
            Assert.StartsWith("delivered00", later.GetProperty("substatus").GetString());
            // The delivery is on the leg of the carrier that delivered (destination_info when the route has two).
            Assert.Single(((string[])["origin_info", "destination_info"]).Where(side =>
                later.GetProperty(side).GetProperty("milestone_date").GetProperty("delivery_date").ValueKind == JsonValueKind.String));
        }
        finally
        {
            await emulator.DisposeAsync();
        }
    }
}
