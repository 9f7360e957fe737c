using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Every code of api-v4.md's error table that the emulator sends, provoked the way a client would, with its HTTP
/// status and text. Not here: 4102 (the emulator answers an unknown number with [] and an unknown id with 4112, as
/// api-v4.md decides), 511–513 (only an internal failure of the emulator), and 429 and 4190, which need emulators of
/// their own (<see cref="V4RateLimitTests"/>).
/// </summary>
[Collection(V4Collection.Name)]
public sealed class V4ErrorCodeTests(V4Emulator v4)
{
    public static TheoryData<string, string, string?, int> Provocations => new()
    {
        // Route, then method.
        { "GET", "trackings/nothing", null, 404 },
        { "GET", "couriers/all/", null, 404 },
        { "POST", "/awb", """{"awb_number":"235-69030430"}""", 404 },
        { "GET", "Trackings/get", null, 404 },
        { "POST", "trackings/get", "{}", 400 },
        { "GET", "trackings/create", null, 400 },
        // Bodies that are not JSON, or not the kind the endpoint takes.
        { "POST", "trackings/create", "tracking_number=X", 400 },
        { "POST", "trackings/create", "", 400 },
        { "POST", "trackings/create", "[]", 400 },
        { "POST", "trackings/batch", "{}", 400 },
        // Numbers.
        { "POST", "trackings/create", """{"courier_code":"dhl"}""", 4111 },
        { "POST", "trackings/create", """{"tracking_number":"  ","courier_code":"dhl"}""", 4111 },
        { "POST", "trackings/create", """{"tracking_number":"AB 123","courier_code":"dhl"}""", 4110 },
        { "POST", "trackings/create", """{"tracking_number":"123456789012345678901234567890123456789012345678901","courier_code":"dhl"}""", 4110 },
        { "POST", "couriers/detect", "{}", 4111 },
        // Couriers.
        { "POST", "trackings/create", """{"tracking_number":"RR123456785CN"}""", 4120 },
        { "POST", "trackings/create", """{"tracking_number":"RR123456785CN","courier_code":"China-Post"}""", 4120 },
        { "GET", "trackings/get?courier_code=nobody", null, 4120 },
        { "POST", "couriers/detect", """{"tracking_number":"NOTHING-LIKE-A-NUMBER"}""", 4121 },
        // Fields.
        { "POST", "trackings/create", """{"tracking_number":"RR123456785CN","courier_code":"china-post","title":5}""", 4130 },
        { "POST", "trackings/create", """{"tracking_number":"RR123456785CN","courier_code":"china-post","destination_country_iso2":"USA"}""", 4130 },
        // A text field over 255 characters, the bound v2's fields have too (the emulator's decision).
        { "POST", "trackings/create", "{\"tracking_number\":\"RR123456785CN\",\"courier_code\":\"china-post\",\"title\":\"" + new string('t', 256) + "\"}", 4130 },
        { "GET", "trackings/get?items_amount=0", null, 4130 },
        { "GET", "trackings/get?pages_amount=1.5", null, 4130 },
        { "GET", "trackings/get?delivery_status=lost", null, 4130 },
        { "GET", "trackings/get?archived_status=true", null, 4130 },
        { "GET", "trackings/get?created_date_min=2023-10-09", null, 4130 },
        // The "+" of an offset that was not percent-encoded arrives as a space.
        { "GET", "trackings/get?created_date_min=2023-10-09T06:00:00+00:00", null, 4130 },
        // Ids.
        { "PUT", "trackings/update/0123456789abcdef0123456789abcdef", "{}", 4112 },
        { "PUT", "trackings/update/NOT-AN-ID", "{}", 4112 },
        { "DELETE", "trackings/delete/0123456789abcdef0123456789abcdef", null, 4112 },
        { "POST", "trackings/retrack/0123456789ABCDEF0123456789ABCDEF", null, 4112 },
        // Air waybills.
        { "POST", "awb", """{"awb_number":"235-6903043"}""", 4160 },
        { "POST", "awb", "{}", 4160 },
        { "POST", "awb", """{"awb_number":"999 12345678x"}""", 4160 },
        { "POST", "awb", """{"awb_number":"555-12345678"}""", 4161 },
    };

    [Theory]
    [MemberData(nameof(Provocations))]
    public async Task EachCodeHasItsStatusAndText(string method, string path, string? body, int code) =>
        V4Record.Error(await v4.V4(new HttpMethod(method), path, body), code);

    [Theory]
    [InlineData("not-a-key", 401)]
    [InlineData("", 401)]
    [InlineData(V4Emulator.ForbiddenKey, 403)]
    public async Task KeysAreCheckedAfterTheRoute(string key, int code)
    {
        V4Record.Error(await v4.V4(HttpMethod.Get, "couriers/all", apiKey: key), code);
        // The route and the method come first.
        V4Record.Error(await v4.V4(HttpMethod.Get, "couriers/none", apiKey: key), 404);
        V4Record.Error(await v4.V4(HttpMethod.Post, "couriers/all", "{}", apiKey: key), 400);
    }

    [Fact]
    public async Task TheV2KeyHeaderIsNotAV4Key()
    {
        var answer = await v4.Process.SendAsync(HttpMethod.Get, "../v4/couriers/all");

        V4Record.Error(answer, 401);
    }

    [Fact]
    public async Task CreatingTwiceIs4101AndChangingToACourierThatHasTheNumberToo()
    {
        var number = Numbers.Next();
        var first = await v4.CreateAsync(number);
        await v4.CreateAsync(number, "usps");

        V4Record.Error(await v4.Post("trackings/create", $$"""{"tracking_number":"{{number}}","courier_code":"china-post"}"""), 4101);
        V4Record.Error(await v4.V4(HttpMethod.Put, "trackings/update/" + first.GetProperty("id").GetString(), """{"courier_code_new":"usps"}"""), 4101);
        V4Record.Error(await v4.V4(HttpMethod.Put, "trackings/update/" + first.GetProperty("id").GetString(), """{"courier_code_new":"nobody"}"""), 4120);
        V4Record.Error(await v4.V4(HttpMethod.Put, "trackings/update/" + first.GetProperty("id").GetString(), """{"archived_status":"yes"}"""), 4130);
    }

    [Fact]
    public async Task OverFortyIs4103ForBatchAndForNumbers()
    {
        var items = Enumerable.Range(0, 41).Select(_ => $$"""{"tracking_number":"{{Numbers.Next()}}","courier_code":"china-post"}""");
        var numbers = string.Join(",", Enumerable.Range(0, 41).Select(_ => Numbers.Next()));

        V4Record.Error(await v4.Post("trackings/batch", "[" + string.Join(",", items) + "]"), 4103);
        V4Record.Error(await v4.Get("trackings/get?tracking_numbers=" + numbers), 4103);
        V4Record.Meta(await v4.Get("trackings/get?tracking_numbers=" + string.Join(",", numbers.Split(',').Take(40))), 200);
    }

    [Fact]
    public async Task RetrackOfATrackingThatIsNotExpiredIs4113()
    {
        var t = await v4.CreateAsync();

        V4Record.Error(await v4.Post("trackings/retrack/" + t.GetProperty("id").GetString(), ""), 4113);
    }
}
