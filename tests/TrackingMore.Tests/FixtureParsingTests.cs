using System.Net;
using TrackingMore.Api;
using TrackingMore.Models;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>Every fixture that holds trackings, read through the client as a real answer.</summary>
public class FixtureParsingTests
{
    private static readonly CallContext Call = CallContext.None;

    [Fact]
    public async Task SeedSampleListGivesTwoTrackingsWithEventsFromBothCarriers()
    {
        var page = await Fixtures.ClientAnswering("list-seed-sample.json").ListTrackingsAsync(new TrackingListQuery(), Call);

        Assert.Equal(56, page.Total);
        Assert.Equal(25, page.Limit);
        Assert.Equal(2, page.Items.Count);
        var first = page.Items[0];
        Assert.Equal("RR050349575PH", first.TrackingNumber);
        Assert.Equal("phlpost", first.CarrierCode);
        Assert.Equal(TrackingStatus.Delivered, first.Status);
        Assert.Equal("usps", first.Destination!.CarrierCode);
        Assert.Equal(2, first.Origin!.EventCount);
        Assert.Equal(2, first.Destination.EventCount);
        Assert.Equal(4, first.Events.Count);
        Assert.Equal(2, first.Events.Count(e => e.Leg == TrackingLeg.Origin));
        Assert.Equal(2, first.Events.Count(e => e.Leg == TrackingLeg.Destination));
        // Newest first across both legs, each event naming its shipment and carrier.
        Assert.Equal(new DateTime(2015, 11, 2, 17, 11, 0), first.Events[0].Date);
        Assert.Equal("Delivered", first.Events[0].Description);
        Assert.Equal(new DateTime(2015, 10, 22, 16, 35, 0), first.Events[^1].Date);
        Assert.All(first.Events, e => Assert.Equal("RR050349575PH", e.TrackingNumber));
        Assert.Equal("usps", first.Events[0].CarrierCode);
        Assert.Equal("http://www.phlpost.gov.ph/", first.Origin.Weblink);
        Assert.Equal(new DateTimeOffset(2015, 10, 30, 11, 35, 16, TimeSpan.FromHours(8)), first.CreatedAt);
        Assert.Equal(new DateTime(2017, 8, 26, 16, 48, 0), first.OrderCreateTime);
        Assert.Equal(new DateTime(2015, 11, 2, 17, 11, 0), first.LastUpdateTime);
        Assert.Equal(12, first.TransitDays);
        Assert.Equal("Delivered, RENTON, WA 98056", first.LastEvent); // the words of the newest event; its date is LastUpdateTime
        Assert.Equal("RN210552627LT", page.Items[1].TrackingNumber);
        Assert.Equal(TrackingStatus.Transit, page.Items[1].Status);
    }

    [Fact]
    public async Task CapturedListKeepsNonLatinTextAndDatesWithSeconds()
    {
        var page = await Fixtures.ClientAnswering("list-captured-2019.json").ListTrackingsAsync(new TrackingListQuery(), Call);

        Assert.Equal(3, page.Total);
        var pickup = page.Items.Single(t => t.TrackingNumber == "3502339401241");
        Assert.Equal(TrackingStatus.Pickup, pickup.Status);
        Assert.True(pickup.TrackUpdate);
        Assert.Null(pickup.OrderCreateTime);
        Assert.Null(pickup.CustomerEmail); // "" in the capture means none
        Assert.Equal(79, pickup.TransitDays);
        Assert.Equal(26, pickup.StayDays);
        Assert.Equal(new DateTime(2019, 7, 25, 22, 2, 5), pickup.Events[0].Date);
        Assert.StartsWith("吉林市", pickup.Events[0].Description);
        Assert.Equal("pickup", pickup.Events[0].CheckpointStatus);
        Assert.Equal("ItemReceived", pickup.Events[^1].Milestone);
        Assert.Equal(new DateTime(2019, 6, 3, 14, 57, 41), pickup.Origin!.ItemReceived);
        var delivered = page.Items.Single(t => t.TrackingNumber == "51837622007298");
        Assert.False(delivered.TrackUpdate);
        Assert.Null(delivered.UpdatedAt);
    }

    [Fact]
    public async Task BatchAnswerSplitsAddedFromRefused()
    {
        // The four numbers the captured request sent, in an order that differs from the answer's.
        var requests = new[] { "350233940124", "518376220072981", "51837622007298", "3502339401241" }
            .Select(number => new NewTrackingRequest(number, "bestex")).ToList();
        var result = await Fixtures.ClientAnswering("batch-captured-2019.json").CreateTrackingsAsync(requests, Call);

        Assert.Equal(requests, result.Select(outcome => outcome.Request));
        var refused = result[0];
        Assert.Equal((OutcomeKind.Failed, "TrackingMore.AlreadyExists"), (refused.Kind, refused.Failure!.ErrorId));
        Assert.Equal("Tracking already exists.", refused.Failure.ApiMessage);
        var created = result.Skip(1).ToList();
        Assert.All(created, outcome => Assert.Equal(OutcomeKind.Succeeded, outcome.Kind));
        Assert.Equal(requests.Skip(1).Select(r => r.TrackingNumber), created.Select(outcome => outcome.Tracking!.TrackingNumber));
        Assert.All(created, outcome => Assert.Equal(TrackingStatus.Pending, outcome.Tracking!.Status));
        Assert.Null(created[1].Tracking!.OrderCreateTime); // order_create_time: 0
        // "destination": "" is not a known field: kept, not dropped.
        Assert.Equal("", created[1].Tracking!.AdditionalProperties["destination"]);
    }

    [Fact]
    public async Task CreateAnswerTreatsTheTextNullAsNoValue()
    {
        var tracking = await Fixtures.ClientAnswering("create-sample.json").CreateTrackingAsync(new NewTrackingRequest("1234567890", "poste-italiane"), Call);

        Assert.Equal("b6321d71ad627cbf8c141ccc25fc659f", tracking.Id);
        Assert.Equal("poste-italiane", tracking.CarrierCode);
        Assert.Equal(TrackingStatus.Pending, tracking.Status);
        Assert.Null(tracking.CustomerEmail);
        Assert.Null(tracking.CustomerName);
        Assert.Null(tracking.OrderId);
    }

    [Fact]
    public async Task RealtimeAnswerWrappedInItemsGivesOneTracking()
    {
        var tracking = await Fixtures.ClientAnswering("realtime-sample.json")
            .GetTrackingAsync(new TrackingIdentity("RE113184005HK", "hong-kong-post"), null, Call);

        Assert.Equal("RE113184005HK", tracking.TrackingNumber);
        Assert.Null(tracking.TransitDays);
        Assert.Equal("colombia-post", tracking.Destination!.CarrierCode);
        Assert.Equal("DIGITALIZADO", tracking.Events[0].Description);
        Assert.Equal("The item left Hong Kong for its destination", tracking.Events[1].Description);
    }

    [Fact]
    public async Task DeleteAnswerWithEmptyDataSucceeds()
    {
        await Fixtures.ClientAnswering("delete-single-sample.json").DeleteTrackingAsync(new TrackingIdentity("x", "dhl"), Call);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.Unauthorized)]
    public async Task InvalidKeyEnvelopeBecomesAuthenticationFailure(HttpStatusCode status)
    {
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            Fixtures.ClientAnswering("error-4001.json", status).ListTrackingsAsync(new TrackingListQuery(), Call));

        Assert.Equal(4001, failure.ApiCode);
        Assert.Equal("Invalid API key.", failure.ApiMessage);
        Assert.Equal("TrackingMore.Unauthorized", failure.ErrorId);
        Assert.True(failure.IsAuthenticationFailure);
        Assert.Equal(status, failure.HttpStatus);
        Assert.DoesNotContain("fixture-key", failure.ToString());
    }

    [Fact]
    public async Task RateLimitEnvelopeIsRecognisedAsSuch()
    {
        var failure = await Assert.ThrowsAsync<TrackingMoreApiException>(() =>
            Fixtures.ClientAnswering("error-429.json").ListTrackingsAsync(new TrackingListQuery(), Call));

        Assert.True(failure.IsRateLimited);
        Assert.Equal("TrackingMore.RateLimited", failure.ErrorId);
        Assert.Contains("Exceeded API limits", failure.Message);
    }

    [Theory]
    [InlineData("Delivered,RENTON, WA 98056,2015-11-02 17:11", "Delivered,RENTON, WA 98056")]
    [InlineData("Arrived,2015-11-02 17:11:05", "Arrived")]
    [InlineData("Delivered,98056", "Delivered,98056")] // a postal code is no date, though it would read as unix seconds
    [InlineData("Delivered", "Delivered")]
    public void LastEventWithoutEventsLosesOnlyItsTrailingDate(string lastEvent, string expected)
    {
        using var json = System.Text.Json.JsonDocument.Parse("{\"lastEvent\":" + System.Text.Json.JsonSerializer.Serialize(lastEvent) + "}");
        Assert.Equal(expected, TrackingMore.Serialization.TrackingReader.ReadTracking(json.RootElement).LastEvent);
    }
}
