using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>
/// The endpoints beyond create/list/delete, through the real transport: against the fixtures where the
/// documentation gives an answer, otherwise against answers written here from api-v2.md. Each test also checks
/// what was sent, since a misnamed field would otherwise pass unnoticed.
/// </summary>
public class EndpointTests
{
    private static readonly CallContext Call = CallContext.None;
    private readonly List<RecordedRequest> _sent = new();

    private TrackingMoreClient Fixture(string name) => Fixtures.ClientRecording(Fixtures.Bytes(name), _sent);

    private TrackingMoreClient Answering(string dataJson) => Fixtures.ClientRecording(Fixtures.Envelope(dataJson), _sent);

    private JsonElement SentBody() => JsonDocument.Parse(Assert.Single(_sent).Body!).RootElement;

    [Fact]
    public async Task CarriersGetAbsoluteUrlsAndKeepTheirCodes()
    {
        var carriers = await Fixture("carriers-sample.json").ListCarriersAsync(Call);

        Assert.Equal(new[] { "dhl", "china-post" }, carriers.Select(c => c.Code));
        var dhl = carriers[0];
        Assert.Equal("DHL", dhl.Name);
        Assert.Equal("1 800 225 5345", dhl.Phone);
        Assert.Equal("https://www.dhl.com/", dhl.Homepage); // sent as "\/\/www.dhl.com\/"
        Assert.Equal("https://cdn.trackingmore.com/images/icons/express/dhl.png", dhl.Picture);
        Assert.Equal("express", dhl.Type);
        Assert.Null(dhl.Country);
        Assert.Equal("globalpost", carriers[1].Type);
        Assert.Equal(("GET", "/v2/carriers", (string?)null), (_sent[0].Method, _sent[0].PathAndQuery, _sent[0].Body));
    }

    [Fact]
    public async Task DetectGivesCandidatesCarryingTheNumber()
    {
        var found = await Fixture("detect-sample.json").DetectCarrierAsync("RR123456789CN", Call);

        var candidate = Assert.Single(found);
        Assert.Equal("RR123456789CN", candidate.TrackingNumber);
        Assert.Equal("china-post", candidate.CarrierCode);
        Assert.Equal("China post", candidate.Name);
        Assert.Equal("/v2/carriers/detect", _sent[0].PathAndQuery);
        Assert.Equal("RR123456789CN", SentBody().GetProperty("tracking_number").GetString());
    }

    [Fact]
    public async Task DetectWithoutMatchIsError4032()
    {
        var client = Fixtures.ClientRecording(
            "{\"meta\":{\"code\":4032,\"type\":\"No Content\",\"message\":\"Cannot detect courier.\"},\"data\":[]}"u8.ToArray(), _sent);

        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() => client.DetectCarrierAsync("X1", Call));

        Assert.Equal(4032, failure.ApiCode);
        Assert.Equal("TrackingMore.CarrierNotDetected", failure.ErrorId);
    }

    [Fact]
    public async Task CarrierChangeSendsTheNewCodeAndAnswersWhereTheTrackingLivesNow()
    {
        var moved = await Fixture("update-carrier-sample.json")
            .ChangeCarrierAsync(new CarrierChangeRequest("RR123456789CN", "china-post", "china-ems"), Call);

        Assert.Equal("RR123456789CN", moved.TrackingNumber);
        Assert.Equal("china-ems", moved.CarrierCode);
        Assert.Equal(("POST", "/v2/trackings/update"), (_sent[0].Method, _sent[0].PathAndQuery));
        var body = SentBody();
        Assert.Equal("RR123456789CN", body.GetProperty("tracking_number").GetString());
        Assert.Equal("china-post", body.GetProperty("carrier_code").GetString());
        Assert.Equal("china-ems", body.GetProperty("update_carrier_code").GetString());
    }

    [Fact]
    public async Task RemoteAnswersEveryPlaceAskedInOrder()
    {
        var places = new[]
        {
            new RemoteAreaRequest("US", "10001", null),
            new RemoteAreaRequest("Japan", "762-1094", "ups"), // the answer has JP / Japan and 7621094
        };

        var results = (await Fixture("remote-sample.json").CheckRemoteAreasAsync(places, Call)).Select(outcome => outcome.Result!).ToList();

        Assert.Equal(2, results.Count);
        Assert.False(results[0].IsRemote);
        Assert.Equal(("US", "10001"), (results[0].Country, results[0].PostalCode));
        Assert.Null(results[0].RemoteCarrier);
        Assert.True(results[1].IsRemote);
        Assert.Equal(("Japan", "762-1094", "ups"), (results[1].Country, results[1].PostalCode, results[1].Carrier));
        Assert.Equal("ups", results[1].RemoteCarrier);
        Assert.Equal("JP", results[1].CountryCode);
        var sent = SentBody().EnumerateArray().ToList();
        Assert.Equal("10001", sent[0].GetProperty("postcode").GetString());
        Assert.False(sent[0].TryGetProperty("company", out _)); // not given, not sent
        Assert.Equal("ups", sent[1].GetProperty("company").GetString());
    }

    [Fact]
    public async Task RemoteNamesEveryCarrierForAPlaceAndReportsWhatItCouldNotCheck()
    {
        var client = Answering("""
            {"submitted":3,"other":[{"country":"Atlantis","postcode":"1","company":null,"message":"unknown country"}],
             "remote":[{"far_express_company":"dhl","two_code":"US","far_country":"United States","far_city_postcode":"99501"},
                       {"far_express_company":"fedex","two_code":"US","far_country":"United States","far_city_postcode":"99501"}]}
            """);
        var places = new[] { new RemoteAreaRequest("United States", "99501", null), new RemoteAreaRequest("Atlantis", "1", null), new RemoteAreaRequest("US", "99501", "ups") };

        var outcomes = await client.CheckRemoteAreasAsync(places, Call);

        Assert.True(outcomes[0].Result!.IsRemote);
        Assert.Equal("dhl, fedex", outcomes[0].Result!.RemoteCarrier);
        Assert.Null(outcomes[0].Failure);
        // The place it could not check is that place's failure, in the service's words, not a result.
        Assert.Null(outcomes[1].Result);
        Assert.Equal(("TrackingMore.ItemRefused", "unknown country"), (outcomes[1].Failure!.ErrorId, outcomes[1].Failure!.ApiMessage));
        Assert.Equal("1 Atlantis: POST /trackings/remote could not handle this item: unknown country.", outcomes[1].Failure!.Message);
        Assert.Same(places[1], outcomes[1].Request);
        Assert.False(outcomes[2].Result!.IsRemote); // remote for dhl and fedex, but ups was asked about
    }

    [Fact]
    public async Task RemoteEntryForAnotherCountryDoesNotMarkASamePostcode()
    {
        var outcomes = await Fixture("remote-sample.json").CheckRemoteAreasAsync(new[] { new RemoteAreaRequest("DE", "7621094", null) }, Call);

        Assert.False(Assert.Single(outcomes).Result!.IsRemote);
    }

    [Fact]
    public async Task AccountReadsRegtimeStringAndMoney()
    {
        var account = await Fixture("userinfo-sample.json").GetAccountAsync(Call);

        Assert.Equal("user@example.com", account.Email);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1469097290), account.RegisteredAt);
        Assert.Equal("+8612345678910", account.Phone);
        Assert.Equal(999m, account.Balance);
        Assert.Equal(9999L, account.QuotaLeft);
        Assert.Equal(("GET", "/v2/trackings/getuserinfo"), (_sent[0].Method, _sent[0].PathAndQuery));
    }

    [Fact]
    public async Task RealtimeSendsOnlyWhatIsSetAndReadsTheWrappedTracking()
    {
        var request = new RealtimeTrackingRequest("RE113184005HK", "hong-kong-post") { DestinationCode = "colombia-post", Order = "SO-1" };

        var tracking = await Fixture("realtime-sample.json").GetRealtimeTrackingAsync(request, Call);

        Assert.Equal("RE113184005HK", tracking.TrackingNumber);
        Assert.Equal(TrackingStatus.Transit, tracking.Status);
        Assert.Equal(2, tracking.Events.Count);
        Assert.Equal(("POST", "/v2/trackings/realtime"), (_sent[0].Method, _sent[0].PathAndQuery));
        var body = SentBody();
        Assert.Equal(new[] { "tracking_number", "carrier_code", "destination_code", "order" },
            body.EnumerateObject().Select(p => p.Name).OrderBy(n => n == "tracking_number" ? 0 : n == "carrier_code" ? 1 : 2).ThenBy(n => n));
    }

    [Fact]
    public async Task StatusCountReadsEveryStatusAndSendsFiltersAsQuery()
    {
        var client = Answering("{\"pending\":1,\"notfound\":\"2\",\"transit\":3,\"pickup\":4,\"delivered\":5,\"undelivered\":6,\"exception\":7,\"expired\":8,\"returned\":9}");

        var count = await client.GetStatusCountAsync(new TrackingCountQuery { CreatedAfter = DateTimeOffset.FromUnixTimeSeconds(1700000000).UtcDateTime, OrderCreatedBefore = DateTimeOffset.FromUnixTimeSeconds(1700086400).UtcDateTime }, Call);

        Assert.Equal((1, 2, 3, 4), (count.Pending, count.NotFound, count.Transit, count.Pickup));
        Assert.Equal((5, 6, 7, 8), (count.Delivered, count.Undelivered, count.Exception, count.Expired));
        Assert.Equal(36, count.Total);
        Assert.Equal(9L, count.AdditionalProperties["returned"]); // a status this module does not know is kept, as a whole number
        Assert.Equal("/v2/trackings/getstatusnumber?created_at_min=1700000000&order_created_time_max=1700086400", _sent[0].PathAndQuery);
    }

    [Fact]
    public async Task TransitTimesMatchRoutesAndReadPercentTexts()
    {
        var client = Answering("""
            [{"carrier_code":"china-post","original":"CN","destination":"US","total":"1200","delivered":"95%","range1":0.1,"range3":"40%","range4":"0.3","range5":0.15,"range2":0.05},
             {"carrier_code":"china-post","original":"CN","destination":"DE","total":5000,"delivered":4750,"range1":1,"range3":0,"range4":0,"range5":0,"range6":"0"}]
            """);
        var routes = new[]
        {
            new TransitTimeRequest("china-post", "CN", "DE"),
            new TransitTimeRequest("china-post", "CN", "US"),
            new TransitTimeRequest("china-post", "CN", "FR"),
        };

        var outcomes = await client.GetTransitTimesAsync(routes, Call);
        var times = outcomes.Select(outcome => outcome.Result).ToList();

        Assert.Equal(3, times.Count);
        Assert.Equal("DE", times[0]!.Destination);
        Assert.Equal(0.95, times[0]!.DeliveredRatio); // delivered sent as a count of the 5000 samples
        Assert.Equal(0d, times[0]!.Over60Days);
        var us = times[1]!;
        Assert.Equal(1200L, us.Samples);
        Assert.Equal(0.95, us.DeliveredRatio!.Value, 6);
        Assert.Equal(0.1, us.Within7Days);
        Assert.Equal(0.4, us.Days7To15!.Value, 6);
        Assert.Equal(0.3, us.Days16To30);
        Assert.Equal(0.15, us.Days31To60);
        Assert.Null(us.Over60Days);
        Assert.Equal(0.05, us.AdditionalProperties["range2"]);
        Assert.Null(times[2]); // the answer has no CN->FR entry: that route fails as left out
        Assert.Equal("TrackingMore.NotInAnswer", outcomes[2].Failure!.ErrorId);
        Assert.Contains("POST /trackings/costtime", outcomes[2].Failure!.Message);
        var sent = SentBody().EnumerateArray().Select(r => r.GetProperty("carrier_code").GetString() + " " +
            r.GetProperty("original").GetString() + " " + r.GetProperty("destination").GetString());
        Assert.Equal(new[] { "china-post CN DE", "china-post CN US", "china-post CN FR" }, sent);
    }

    [Fact]
    public async Task AirWaybillsMatchByDigitsWithEventsNewestFirst()
    {
        var client = Answering("""
            [{"track_number":"172-28891936","weight":"120 KG","piece":"3","origin":"PVG","destination":"AMS","status_number":2,
              "track_info":[{"plan_date":"2024-03-01 08:00","actual_date":"2024-03-01 08:20","event":"DEP","station":"PVG","flight_number":"CV9745"},
                            {"plan_date":"2024-03-02 06:00","actual_date":"","event":"ARR","station":"AMS","flight_number":"CV9745"}]}]
            """);

        var outcomes = await client.GetAirWaybillsAsync(new[] { "172 28891936", "160-12345678" }, "en", Call);

        var found = outcomes[0].Result!;
        Assert.Equal("172-28891936", found.AirWaybillNumber);
        Assert.Equal("120 KG", found.Weight);
        Assert.Equal(3, found.Pieces);
        Assert.Equal(("PVG", "AMS", 2), (found.Origin, found.Destination, found.StatusNumber));
        Assert.Equal(new[] { "ARR", "DEP" }, found.Events.Select(e => e.Event));
        Assert.Null(found.Events[0].ActualDate);
        Assert.Equal(new DateTime(2024, 3, 1, 8, 20, 0), found.Events[1].ActualDate);
        Assert.All(found.Events, e => Assert.Equal("172-28891936", e.AirWaybillNumber));
        Assert.Equal(("160-12345678", null, "TrackingMore.NotInAnswer"), (outcomes[1].Request, outcomes[1].Result, outcomes[1].Failure?.ErrorId));
        var body = SentBody();
        Assert.Equal(new[] { "172 28891936", "160-12345678" }, body.GetProperty("track_number").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal("en", body.GetProperty("lang").GetString());
    }

    [Fact]
    public async Task AirWaybillOfTheWrongShapeIsRefusedBeforeSending()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Answering("[]").GetAirWaybillsAsync(new[] { "172-28891936", "12345" }, null, Call));

        Assert.Empty(_sent);
    }

    [Fact]
    public async Task PutSendsOnlyTheChangesWithArchivedAsTextAndStatusAsNumber()
    {
        var client = Answering("{\"tracking_number\":\"RR1CN\",\"carrier_code\":\"china-post\",\"archived\":true,\"status\":\"exception\",\"title\":\"\"}");
        var changes = new TrackingUpdateRequest("RR1/CN", "china-post") { Title = "", Archived = true, Status = TrackingStatusChange.Exception };

        var tracking = await client.UpdateTrackingAsync(changes, Call);

        Assert.True(tracking.Archived);
        Assert.Equal(TrackingStatus.Exception, tracking.Status);
        Assert.Equal(("PUT", "/v2/trackings/china-post/RR1%2FCN"), (_sent[0].Method, _sent[0].PathAndQuery));
        // The path names the tracking; the body holds what changes and nothing else. "" is sent: it clears the title.
        Assert.Equal("{\"title\":\"\",\"archived\":\"true\",\"status\":7}", _sent[0].Body);
    }

    [Fact]
    public async Task UpdateMoreSendsEachTrackingWithItsChangesAndSplitsTheAnswer()
    {
        var client = Answering("""
            {"submitted":2,"updated":1,"trackings":[{"tracking_number":"A1","carrier_code":"dhl","archived":false}],
             "errors":[{"tracking_number":"B2","carrier_code":"dhl","code":4017,"message":"Tracking does not exist."}]}
            """);
        var changes = new[]
        {
            new TrackingUpdateRequest("A1", "dhl") { Archived = false, Status = TrackingStatusChange.Restore },
            new TrackingUpdateRequest("B2", "dhl") { Archived = false, Status = TrackingStatusChange.Restore },
        };

        var result = await client.UpdateTrackingsAsync(changes, Call);

        Assert.Equal((OutcomeKind.Succeeded, "A1"), (result[0].Kind, result[0].Tracking!.TrackingNumber));
        Assert.Equal((OutcomeKind.Failed, "TrackingMore.NotFound"), (result[1].Kind, result[1].Failure!.ErrorId));
        Assert.Equal(("POST", "/v2/trackings/updatemore"), (_sent[0].Method, _sent[0].PathAndQuery));
        // Then what was done is read back, by number, in one list request (this stub's answer is no page: the short form stays).
        Assert.Equal(("GET", "/v2/trackings/get?page=1&limit=2000&numbers=A1"), (_sent[1].Method, _sent[1].PathAndQuery));
        Assert.Equal(2, _sent.Count);
        var first = JsonDocument.Parse(_sent[0].Body!).RootElement[0];
        Assert.Equal("A1", first.GetProperty("tracking_number").GetString());
        Assert.Equal("dhl", first.GetProperty("carrier_code").GetString());
        Assert.Equal("false", first.GetProperty("archived").GetString());
        Assert.Equal(8, first.GetProperty("status").GetInt32());
        Assert.False(first.TryGetProperty("title", out _));
    }

    [Fact]
    public async Task NotUpdateSendsIdentitiesOnlyAndReadsTheTrackingsItStopped()
    {
        var client = Answering("{\"submitted\":1,\"change\":1,\"trackings\":[{\"tracking_number\":\"A1\",\"carrier_code\":\"dhl\",\"track_update\":false}]}");

        var result = await client.StopUpdatingAsync(new[] { new NewTrackingRequest("A1", "dhl") { Title = "not sent" } }, Call);

        Assert.False(Assert.Single(result).Tracking!.TrackUpdate);
        Assert.Null(result[0].Failure);
        Assert.Equal("/v2/trackings/notupdate", _sent[0].PathAndQuery);
        Assert.Equal("[{\"tracking_number\":\"A1\",\"carrier_code\":\"dhl\"}]", _sent[0].Body);
    }

    [Fact]
    public async Task BulkEndpointsRefuseMoreThanFortyItemsBeforeSending()
    {
        var places = Enumerable.Range(0, 41).Select(i => new RemoteAreaRequest("JP", i.ToString(), null)).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Answering("{}").CheckRemoteAreasAsync(places, Call));

        Assert.Empty(_sent);
    }
}
