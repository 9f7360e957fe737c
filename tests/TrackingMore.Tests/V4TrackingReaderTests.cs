using System.Text.Json;
using TrackingMore.Dialects.V4;
using TrackingMore.Models;
using TrackingMore.Serialization;
using Xunit;

namespace TrackingMore.Tests;

/// <summary>v4's tracking object (api-v4.md) read into the same models as v2's.</summary>
public class V4TrackingReaderTests
{
    private static Tracking Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TrackingReader.ReadTracking(document.RootElement, V4TrackingSchema.Instance);
    }

    [Fact]
    public void CapturedListItemReadsUnderV2sPropertyNames()
    {
        using var document = JsonDocument.Parse(Fixtures.Bytes("v4-list-captured-2023.json"));
        var tracking = TrackingReader.ReadTracking(document.RootElement.GetProperty("data")[0], V4TrackingSchema.Instance);

        Assert.Equal("9a73b452e03c2c724414f3859fad1c2c", tracking.Id);
        Assert.Equal("TBA308626148196", tracking.TrackingNumber);
        Assert.Equal("amazon", tracking.CarrierCode);
        Assert.Equal(TrackingStatus.NotFound, tracking.Status);
        Assert.Equal("notfound002", tracking.SubStatus);
        Assert.False(tracking.Archived); // "tracking"
        Assert.Equal(new DateTimeOffset(2023, 10, 25, 7, 2, 52, TimeSpan.Zero), tracking.CreatedAt);
        Assert.Equal(new DateTimeOffset(2023, 10, 25, 7, 2, 53, TimeSpan.Zero), tracking.UpdatedAt); // update_at, sic
        Assert.Equal(0, tracking.TransitDays);
        Assert.Equal("https://logistics.amazon.com/", tracking.Origin!.Weblink);
        Assert.Equal("amazon", tracking.Origin.CarrierCode);
        Assert.Empty(tracking.Events);
        Assert.Null(tracking.LastEvent);
        // What the model has no property for is kept under its wire name.
        Assert.Equal("114-0292795-2405840", tracking.AdditionalProperties["order_number"]);
        Assert.Equal(true, tracking.AdditionalProperties["updating"]);
        Assert.Equal("API", tracking.AdditionalProperties["source"]);
        Assert.False(tracking.AdditionalProperties.ContainsKey("courier_code"));
        Assert.False(tracking.AdditionalProperties.ContainsKey("origin_info"));
    }

    [Fact]
    public void CheckpointsOfBothLegsMergeNewestFirstWithV4Names()
    {
        var tracking = Read("""
            {"id":"0f9d7e2c61a84b3c9a1e5d6f7a8b9c0d","tracking_number":"RR123456789CN","courier_code":"china-post",
             "delivery_status":"delivered","substatus":"delivered001","archived":"archived",
             "customer_sms":"+1 555 0100","note":"leave at door","order_date":"2024-02-20 09:30",
             "latest_event":"Delivered, RENTON WA, 2024-03-01 10:00","latest_checkpoint_time":"2024-03-01 10:00:00",
             "transit_time":9,"signed_by":"J DOE",
             "origin_info":{"courier_code":"china-post","courier_phone":"11183","reference_number":"REF1",
               "departed_airport_date":"2024-02-23 08:00","trackinfo":[
                 {"checkpoint_date":"2024-02-22 12:00:00","tracking_detail":"Dispatched","location":"SHANGHAI",
                  "checkpoint_delivery_status":"transit","checkpoint_delivery_substatus":"transit006","raw_status":"x"}]},
             "destination_info":{"courier_code":"usps","trackinfo":[
                 {"checkpoint_date":"2024-03-01 10:00:00","tracking_detail":"Delivered","location":"RENTON WA",
                  "checkpoint_delivery_status":"delivered","checkpoint_delivery_substatus":"delivered001"},
                 {"checkpoint_date":"2024-02-27 06:00:00","tracking_detail":"Arrived","location":"",
                  "checkpoint_delivery_status":"transit","checkpoint_delivery_substatus":"transit004"}]}}
            """);

        Assert.Equal(TrackingStatus.Delivered, tracking.Status);
        Assert.True(tracking.Archived);
        Assert.Equal("+1 555 0100", tracking.CustomerPhone);
        Assert.Equal("leave at door", tracking.Comment);
        Assert.Equal(new DateTime(2024, 2, 20, 9, 30, 0), tracking.OrderCreateTime);
        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0), tracking.LastUpdateTime);
        Assert.Equal(9, tracking.TransitDays);
        Assert.Equal("J DOE", tracking.SignedBy);
        Assert.Equal("11183", tracking.Origin!.Phone);
        Assert.Equal("REF1", tracking.Origin.ReferenceNumber);
        Assert.Equal(new DateTime(2024, 2, 23, 8, 0, 0), tracking.Origin.DepartFromAirport);
        Assert.Equal(1, tracking.Origin.EventCount);
        Assert.Equal(2, tracking.Destination!.EventCount);

        Assert.Equal(new[] { "Delivered", "Arrived", "Dispatched" }, tracking.Events.Select(e => e.Description));
        var newest = tracking.Events[0];
        Assert.Equal(new DateTime(2024, 3, 1, 10, 0, 0), newest.Date);
        Assert.Equal("RENTON WA", newest.Details);
        Assert.Equal("delivered", newest.CheckpointStatus);
        Assert.Equal("delivered001", newest.SubStatus);
        Assert.Equal("usps", newest.CarrierCode);
        Assert.Equal(TrackingLeg.Destination, newest.Leg);
        Assert.Equal("RR123456789CN", newest.TrackingNumber);
        Assert.Null(tracking.Events[1].Details); // "" is no location
        Assert.Equal(TrackingLeg.Origin, tracking.Events[2].Leg);
        Assert.Equal("Delivered, RENTON WA", tracking.LastEvent);
    }

    [Fact]
    public void LatestEventWithoutCheckpointsLosesOnlyItsTrailingDate()
    {
        var tracking = Read("""{"tracking_number":"1","latest_event":"Out for delivery, Depot 4, north gate, 2024-03-01 10:00:00"}""");

        Assert.Equal("Out for delivery, Depot 4, north gate", tracking.LastEvent);
    }

    [Fact]
    public void StatusTheModuleDoesNotKnowIsKeptUnderItsWireName()
    {
        var tracking = Read("""{"tracking_number":"1","delivery_status":"handed-to-drone"}""");

        Assert.Equal(TrackingStatus.Unknown, tracking.Status);
        Assert.Equal("handed-to-drone", tracking.AdditionalProperties["delivery_status"]);
    }

    [Fact]
    public void BatchAnswerGivesIdsDoneAndCamelCaseRefusals()
    {
        using var document = JsonDocument.Parse("""
            {"success":[{"id":"5b0f4c2a9e7d4f1a8c3b2e6d7f9a0b1c","tracking_number":"RR1","courier_code":"china-post"}],
             "error":[{"id":"9a73b452e03c2c724414f3859fad1c2c","tracking_number":"RR2","courier_code":"china-post","errorCode":4101,"errorMessage":"Tracking No. already exists."},
                      {"id":null,"tracking_number":"RR3","courier_code":"nope","errorCode":4120,"errorMessage":"The value of courier_code is invalid."}]}
            """);
        var result = TrackingReader.ReadBulk(document.RootElement, V4TrackingSchema.Instance, V4TrackingSchema.Bulk);

        var done = Assert.Single(result.Trackings);
        Assert.Equal(("5b0f4c2a9e7d4f1a8c3b2e6d7f9a0b1c", "RR1", "china-post"), (done.Id, done.TrackingNumber, done.CarrierCode));
        Assert.Equal(new[] { ("RR2", "china-post", 4101), ("RR3", "nope", 4120) }, result.Errors.Select(e => (e.TrackingNumber!, e.CarrierCode!, e.Code)));
        Assert.Equal("Tracking No. already exists.", result.Errors[0].Message);
    }

    [Fact]
    public void ArchivedAsABooleanIsReadToo()
    {
        Assert.True(Read("""{"archived":true}""").Archived);
        Assert.False(Read("""{"archived":null}""").Archived);
    }
}

/// <summary>v4's couriers (api-v4.md: /couriers/all and /couriers/detect) read into the same models as v2's carriers.</summary>
public class V4CarrierReaderTests
{
    private const string Couriers = """
        [{"courier_name":"USPS","courier_code":"usps","courier_country_iso2":"US","courier_url":"//www.usps.com/",
          "courier_phone":"+1 800-275-8777","courier_type":"express","tracking_required_fields":null,"optional_fields":null,
          "default_language":"en","support_language":["en"],"courier_logo":"//s.example/usps.png","rank":1},
         {"courier_name":"DHL Parcel NL","courier_code":"dhl-nl","courier_country_iso2":["NL","BE"],"courier_url":"https://dhlparcel.nl",
          "tracking_required_fields":["tracking_postal_code","tracking_destination_country"],"optional_fields":"tracking_ship_date",
          "default_language":"nl","support_language":["nl","en"]}]
        """;

    [Fact]
    public void CouriersGiveRequiredFieldsAndLanguagesAsText()
    {
        using var document = JsonDocument.Parse(Couriers);
        var carriers = CarrierReader.ReadCarriers(document.RootElement, V4CarrierFields.Carrier);

        Assert.Equal(2, carriers.Count);
        var usps = carriers[0];
        Assert.Equal("usps", usps.Code);
        Assert.Equal("USPS", usps.Name);
        Assert.Equal("US", usps.Country);
        Assert.Equal("https://www.usps.com/", usps.Homepage);
        Assert.Equal("https://s.example/usps.png", usps.Picture);
        Assert.Equal("+1 800-275-8777", usps.Phone);
        Assert.Equal("express", usps.Type);
        Assert.Null(usps.RequiredFields);
        Assert.Equal("en", usps.DefaultLanguage);
        Assert.Equal("en", usps.Languages);
        Assert.Equal(1L, usps.AdditionalProperties["rank"]);
        var dhl = carriers[1];
        Assert.Equal("NL, BE", dhl.Country);
        Assert.Equal("tracking_postal_code, tracking_destination_country", dhl.RequiredFields);
        Assert.Equal("tracking_ship_date", dhl.OptionalFields);
        Assert.Equal("nl, en", dhl.Languages);
    }

    [Fact]
    public void DetectedCouriersNameTheNumber()
    {
        using var document = JsonDocument.Parse(Couriers);
        var detected = CarrierReader.ReadDetected(document.RootElement, "RR123456789NL", V4CarrierFields.Detected);

        Assert.Equal(new[] { "usps", "dhl-nl" }, detected.Select(d => d.CarrierCode));
        Assert.Equal("DHL Parcel NL", detected[1].Name);
        Assert.All(detected, d => Assert.Equal("RR123456789NL", d.TrackingNumber));
    }
}
