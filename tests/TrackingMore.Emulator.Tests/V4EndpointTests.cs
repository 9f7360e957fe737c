using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// Every v4 endpoint's success answer, key by key against api-v4.md and the captured v4 answers
/// (tests/fixtures/v4-*.json), and the Decisions api-v4.md takes where v4 is silent.
/// </summary>
[Collection(V4Collection.Name)]
public sealed class V4EndpointTests(V4Emulator v4)
{
    [Fact]
    public async Task CreateAnswersOneFullTrackingWithResults()
    {
        var number = Numbers.Next();
        var t = await v4.CreateAsync(number, extra: ""","note":"emulator:delivered","customer_sms":"+1 555","order_number":null,"label":"" """);

        V4Record.Tracking(t);
        Assert.Equal((number, "china-post"), (t.GetProperty("tracking_number").GetString(), t.GetProperty("courier_code").GetString()));
        // Create is also the realtime call: the carrier was asked, so the answer carries its first checkpoint.
        Assert.NotEqual("pending", t.GetProperty("delivery_status").GetString());
        Assert.NotEmpty(t.GetProperty("origin_info").GetProperty("trackinfo").EnumerateArray());
        Assert.Equal("+1 555", t.GetProperty("customer_sms").GetString());
        // null and "" mean "not given".
        Assert.Equal(JsonValueKind.Null, t.GetProperty("label").ValueKind);
    }

    [Fact]
    public async Task BatchAnswers200WithSuccessAndErrorEntries()
    {
        var fresh = Numbers.Next();
        var body = $$"""
            [{"tracking_number":"{{fresh}}","courier_code":"china-post"},
             {"tracking_number":"{{fresh}}","courier_code":"china-post"},
             {"tracking_number":"{{Numbers.Next()}}","courier_code":"no-such-courier"},
             "not an object"]
            """;

        var answer = await v4.Post("trackings/batch", body);

        V4Record.Meta(answer, 200);
        Assert.Equal(["success", "error"], Shape.Keys(answer.Data));
        var success = Assert.Single(answer.Data.GetProperty("success").EnumerateArray());
        Assert.Equal(["id", "tracking_number", "courier_code"], Shape.Keys(success));
        var errors = answer.Data.GetProperty("error").EnumerateArray().ToList();
        Assert.Equal([4101, 4120, 400], errors.Select(e => e.GetProperty("errorCode").GetInt32()));
        foreach (var e in errors)
        {
            Assert.Equal(["id", "tracking_number", "courier_code", "errorCode", "errorMessage"], Shape.Keys(e));
            Assert.Equal(V4Record.Codes[e.GetProperty("errorCode").GetInt32()].Message, e.GetProperty("errorMessage").GetString());
        }
        // A duplicate inside the batch names the tracking the batch just created; other errors have no id.
        Assert.Equal(success.GetProperty("id").GetString(), errors[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, errors[1].GetProperty("id").ValueKind);
    }

    [Fact]
    public async Task AnEmptyBatchAnswersTwoEmptyLists()
    {
        var answer = await v4.Post("trackings/batch", "[]");

        V4Record.Meta(answer, 200);
        Assert.Equal("""{"success":[],"error":[]}""", answer.Data.GetRawText());
    }

    [Fact]
    public async Task ListIsAPlainArrayOfFullTrackingsNewestFirst()
    {
        var answer = await v4.Get("trackings/get?items_amount=200");

        V4Record.Meta(answer, 200);
        Assert.Equal(JsonValueKind.Array, answer.Data.ValueKind);
        var items = answer.Data.EnumerateArray().ToList();
        Assert.True(items.Count >= 40, $"the seeded trackings are listed ({items.Count})");
        foreach (var t in items) V4Record.Tracking(t);
        var created = items.Select(t => DateTimeOffset.Parse(t.GetProperty("created_at").GetString()!)).ToList();
        Assert.Equal(created.OrderByDescending(c => c), created);
        // The seed plants every status; v4 adds inforeceived, which a seeded route may or may not show now.
        var statuses = items.Select(t => t.GetProperty("delivery_status").GetString()).ToHashSet();
        foreach (var s in (string[])["pending", "notfound", "transit", "pickup", "delivered", "undelivered", "exception", "expired"])
            Assert.Contains(s, statuses);
    }

    [Fact]
    public async Task OneTrackingIsAskedByNumberAndCourierAndAnUnknownNumberIsAnEmptyList()
    {
        var t = await v4.CreateAsync();
        var number = t.GetProperty("tracking_number").GetString();

        var found = await v4.Get($"trackings/get?tracking_numbers={number}&courier_code=china-post");
        var other = await v4.Get($"trackings/get?tracking_numbers={number}&courier_code=usps");
        var unknown = await v4.Get($"trackings/get?tracking_numbers={Numbers.Next()}");

        V4Record.Meta(found, 200);
        Assert.Equal(t.GetProperty("id").GetString(), Assert.Single(found.Data.EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal("[]", other.Data.GetRawText());
        V4Record.Meta(unknown, 200);
        Assert.Equal("[]", unknown.Data.GetRawText());
    }

    [Theory]
    [InlineData("delivery_status=delivered", "delivery_status", "delivered")]
    [InlineData("delivery_status=expired", "delivery_status", "expired")]
    [InlineData("archived_status=tracking", "archived", "tracking")]
    [InlineData("courier_code=usps", "courier_code", "usps")]
    public async Task ListFiltersHoldForEveryItem(string query, string field, string value)
    {
        var answer = await v4.Get("trackings/get?items_amount=200&" + query);

        V4Record.Meta(answer, 200);
        Assert.NotEmpty(answer.Data.EnumerateArray());
        Assert.All(answer.Data.EnumerateArray(), t => Assert.Equal(value, t.GetProperty(field).GetString()));
    }

    [Fact]
    public async Task CreatedDateBoundsAreInclusiveIsoWithOffset()
    {
        var t = await v4.CreateAsync();
        var at = t.GetProperty("created_at").GetString()!;
        var encoded = Uri.EscapeDataString(at);

        var answer = await v4.Get($"trackings/get?created_date_min={encoded}&created_date_max={encoded}");
        var zulu = await v4.Get($"trackings/get?created_date_min={Uri.EscapeDataString(at.Replace("+00:00", "Z"))}");

        Assert.Contains(t.GetProperty("id").GetString(), answer.Data.EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.All(answer.Data.EnumerateArray(), x => Assert.Equal(at, x.GetProperty("created_at").GetString()));
        V4Record.Meta(zulu, 200);
    }

    [Fact]
    public async Task UpdateEchoesTheEditableFieldsWithTheCourierBeforeAndAfter()
    {
        var t = await v4.CreateAsync();
        var id = t.GetProperty("id").GetString();

        var answer = await v4.V4(HttpMethod.Put, "trackings/update/" + id,
            """{"title":"Renamed","note":null,"customer_name":"","courier_code_new":"usps","archived_status":"archived","destination_country_iso2":"de"}""");

        V4Record.Meta(answer, 200);
        var echo = answer.Data;
        Assert.Equal(["id", "tracking_number", "courier_code", "courier_code_new"], Shape.Keys(echo).Take(4));
        Assert.Equal(("china-post", "usps"), (echo.GetProperty("courier_code").GetString(), echo.GetProperty("courier_code_new").GetString()));
        Assert.Equal(("Renamed", "archived", "DE"),
            (echo.GetProperty("title").GetString(), echo.GetProperty("archived_status").GetString(), echo.GetProperty("destination_country_iso2").GetString()));
        Assert.False(echo.TryGetProperty("origin_info", out _), "the echo is not a full tracking");

        var listed = Assert.Single((await v4.Get($"trackings/get?tracking_numbers={t.GetProperty("tracking_number").GetString()}")).Data.EnumerateArray());
        Assert.Equal((id, "usps", "archived", "Renamed"), (listed.GetProperty("id").GetString(), listed.GetProperty("courier_code").GetString(),
            listed.GetProperty("archived").GetString(), listed.GetProperty("title").GetString()));

        var unchanged = await v4.V4(HttpMethod.Put, "trackings/update/" + id, """{"label":"x"}""");
        Assert.Equal(JsonValueKind.Null, unchanged.Data.GetProperty("courier_code_new").ValueKind);
        Assert.Equal("Renamed", unchanged.Data.GetProperty("title").GetString());
    }

    [Fact]
    public async Task DeleteAnswersAsTheCapturedDelete()
    {
        var t = await v4.CreateAsync();

        var answer = await v4.V4(HttpMethod.Delete, "trackings/delete/" + t.GetProperty("id").GetString());

        V4Record.Meta(answer, 200);
        var captured = Fixtures.Root("v4-delete-captured-2024.json");
        Assert.Equal(Shape.Keys(captured.GetProperty("meta")), Shape.Keys(answer.Meta));
        Assert.Equal(captured.GetProperty("meta").GetProperty("message").GetString(), answer.Meta.GetProperty("message").GetString());
        Assert.Equal(Shape.Keys(captured.GetProperty("data")), Shape.Keys(answer.Data));
        Assert.Equal(t.GetProperty("id").GetString(), answer.Data.GetProperty("id").GetString());
        var again = await v4.V4(HttpMethod.Delete, "trackings/delete/" + t.GetProperty("id").GetString());
        V4Record.Error(again, 4112);
    }

    [Fact]
    public async Task RetrackOfTheSeededExpiredTrackingAnswersItUpdatingStillExpired()
    {
        var expired = (await v4.Get("trackings/get?delivery_status=expired&items_amount=1")).Data[0];

        var answer = await v4.Post("trackings/retrack/" + expired.GetProperty("id").GetString(), "");

        V4Record.Meta(answer, 200);
        V4Record.Tracking(answer.Data);
        Assert.Equal(("expired", true), (answer.Data.GetProperty("delivery_status").GetString(), answer.Data.GetProperty("updating").GetBoolean()));
        var clock = await v4.Process.Http.GetStringAsync(new Uri(v4.Process.BaseUri, "../_emulator/clock"));
        var now = JsonDocument.Parse(clock).RootElement.GetProperty("nowUnix").GetInt64();
        var updated = DateTimeOffset.Parse(answer.Data.GetProperty("update_at").GetString()!).ToUnixTimeSeconds();
        Assert.InRange(updated, now - 5, now + 5);
    }

    [Fact]
    public async Task CouriersCarryTheirRequiredFieldsAndLanguages()
    {
        var answer = await v4.Get("couriers/all");

        V4Record.Meta(answer, 200);
        var couriers = answer.Data.EnumerateArray().ToList();
        Assert.True(couriers.Count >= 70);
        foreach (var c in couriers)
        {
            Assert.Equal(V4Record.CourierFields.Order(), Shape.Keys(c).Order());
            Assert.Equal(JsonValueKind.Array, c.GetProperty("support_language").ValueKind);
            foreach (var loose in (string[])["tracking_required_fields", "optional_fields", "courier_country_iso2"])
                Assert.Contains(c.GetProperty(loose).ValueKind, (JsonValueKind[])[JsonValueKind.String, JsonValueKind.Array, JsonValueKind.Null]);
        }
        var postnl = couriers.Single(c => c.GetProperty("courier_code").GetString() == "postnl-3s");
        Assert.Equal("""["tracking_postal_code","tracking_destination_country"]""", postnl.GetProperty("tracking_required_fields").GetRawText());

        var missing = await v4.Post("trackings/create", $$"""{"tracking_number":"3SABCD{{Random.Shared.Next(10000000, 99999999)}}","courier_code":"postnl-3s","tracking_postal_code":"1234AB"}""");
        V4Record.Error(missing, 4122);
        var given = await v4.Post("trackings/create", $$"""{"tracking_number":"3SABCD{{Random.Shared.Next(10000000, 99999999)}}","courier_code":"postnl-3s","tracking_postal_code":"1234AB","tracking_destination_country":"NL"}""");
        V4Record.Meta(given, 200);
        Assert.Equal("1234AB", given.Data.GetProperty("tracking_postal_code").GetString());
    }

    [Fact]
    public async Task DetectAnswersCouriersOfTheSameShape()
    {
        var answer = await v4.Post("couriers/detect", """{"tracking_number":"RR123456785CN"}""");

        V4Record.Meta(answer, 200);
        var first = answer.Data[0];
        Assert.Equal(V4Record.CourierFields.Order(), Shape.Keys(first).Order());
        Assert.Equal("china-post", first.GetProperty("courier_code").GetString());
    }

    [Fact]
    public async Task AirWaybillAnswersTheRecordedShape()
    {
        var answer = await v4.Post("awb", """{"awb_number":"235-69030430"}""");

        V4Record.Meta(answer, 200);
        Assert.Equal(
            ["awb_number", "awb_status", "awb_substatus", "status_number", "weight", "piece", "origin", "destination", "flight_way_station",
             "last_event", "flight_info_new", "flight_info", "track_info", "airline_info"], Shape.Keys(answer.Data));
        Assert.Equal(
            ["flight_number", "depart_station", "arrival_station", "plan_depart_time", "depart_time", "plan_arrival_time", "arrival_time", "piece", "weight", "status"],
            Shape.Keys(answer.Data.GetProperty("flight_info_new")[0]));
        var flight = answer.Data.GetProperty("flight_info_new")[0].GetProperty("flight_number").GetString()!;
        Assert.Equal(Shape.Keys(answer.Data.GetProperty("flight_info_new")[0]), Shape.Keys(answer.Data.GetProperty("flight_info").GetProperty(flight)));
        Assert.All(answer.Data.GetProperty("track_info").EnumerateArray(), s => Assert.Equal(
            ["plan_date", "actual_date", "event", "station", "flight_number", "status", "piece", "weight", "checkpoint_status", "checkpoint_substatus"], Shape.Keys(s)));
        Assert.Equal(["name", "url", "track_url", "trackpage_url"], Shape.Keys(answer.Data.GetProperty("airline_info")));
    }
}
