using System.Text.Json;
using Xunit;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// What api-v4.md (beside the repository) says, copied here because tests read nothing outside the clone: the
/// error table (HTTP status, meta code, message) and the fields of the v4 objects. Keep it in step with that page.
/// </summary>
public static class V4Record
{
    /// <summary>api-v4.md "Error codes": meta code → (HTTP status, message).</summary>
    public static readonly IReadOnlyDictionary<int, (int Http, string Message)> Codes = new Dictionary<int, (int, string)>
    {
        [200] = (200, "Request response is successful"),
        [400] = (400, "Request type error. Please check the API documentation for the request type of this API."),
        [4101] = (400, "Tracking No. already exists."),
        [4102] = (400, "Tracking No. no exists. Please use 「Create a tracking」 API first to create shipment."),
        [4103] = (400, "You have exceeded the shipment quantity of API call. The maximum quantity is 40 shipments per call."),
        [4110] = (400, "The value of tracking_number is invalid."),
        [4111] = (400, "Tracking_number is required."),
        [4112] = (400, "Invalid Tracking ID."),
        [4113] = (400, "Retrack is not allowed. You can only retrack an expired tracking."),
        [4120] = (400, "The value of courier_code is invalid."),
        [4121] = (400, "Cannot detect courier."),
        [4122] = (400, "Missing or invalid value of the special required fields for this courier."),
        [4130] = (400, "The format of Field name is invalid."),
        [4160] = (400, "The awb_number is required or invaild format."),
        [4161] = (400, "The awb airline does not support yet."),
        [4190] = (400, "You are reaching the maximum quota limitation, please upgrade your current plan."),
        [401] = (401, "Authentication failed or has no permission. Please check and ensure your API Key is correct."),
        [403] = (403, "Access prohibited. The request has been refused or access is not allowed."),
        [404] = (404, "Page does not exist. Please check and ensure your link is correct."),
        [429] = (429, "Exceeded API request limits, please try again later. Please check the API documentation for the limit of this API."),
    };

    /// <summary>api-v4.md "The v4 tracking object", every field (the captured list item has all but none more).</summary>
    public static readonly HashSet<string> TrackingFields =
    [
        "id", "tracking_number", "courier_code", "order_number", "order_date", "order_id", "created_at", "update_at",
        "delivery_status", "substatus", "status_info", "archived", "updating", "source", "origin_country", "origin_state",
        "origin_city", "destination_country", "destination_state", "destination_city", "tracking_postal_code",
        "tracking_ship_date", "tracking_destination_country", "tracking_origin_country", "tracking_key",
        "tracking_courier_account", "customer_name", "customer_email", "customer_sms", "recipient_postcode", "title",
        "logistics_channel", "note", "label", "signed_by", "service_code", "weight", "weight_kg", "product_type", "pieces",
        "dimension", "previously", "destination_track_number", "exchange_number", "scheduled_delivery_date",
        "scheduled_address", "latest_event", "latest_checkpoint_time", "transit_time", "origin_info", "destination_info",
    ];

    /// <summary>origin_info / destination_info.</summary>
    public static readonly HashSet<string> InfoFields =
    [
        "courier_code", "courier_phone", "weblink", "reference_number", "milestone_date", "pickup_date",
        "departed_airport_date", "arrived_abroad_date", "customs_received_date", "arrived_destination_date", "trackinfo",
    ];

    public static readonly HashSet<string> MilestoneFields =
        ["inforeceived_date", "pickup_date", "outfordelivery_date", "delivery_date", "returning_date", "returned_date"];

    public static readonly HashSet<string> CheckpointFields =
    [
        "checkpoint_date", "checkpoint_delivery_status", "checkpoint_delivery_substatus", "tracking_detail", "location",
        "country_iso2", "state", "city", "zip", "raw_status",
    ];

    public static readonly HashSet<string> CourierFields =
    [
        "courier_name", "courier_code", "courier_country_iso2", "courier_url", "courier_phone", "courier_type",
        "tracking_required_fields", "optional_fields", "default_language", "support_language", "courier_logo",
    ];

    /// <summary>api-v4.md "Statuses": the nine main statuses.</summary>
    public static readonly string[] Statuses =
        ["inforeceived", "transit", "pickup", "undelivered", "delivered", "notfound", "exception", "expired", "pending"];

    /// <summary>The envelope is exactly {meta:{code, message}, data}; meta and HTTP status as the table has them.</summary>
    public static void Meta(Answer answer, int code)
    {
        Assert.Equal(["meta", "data"], Shape.Keys(answer.Root));
        Assert.Equal(["code", "message"], Shape.Keys(answer.Meta));
        Assert.Equal(code, answer.Code);
        Assert.Equal(Codes[code].Message, answer.Meta.GetProperty("message").GetString());
        Assert.Equal(Codes[code].Http, answer.HttpStatus);
    }

    /// <summary>An error: the table's status and text, and <c>"data": null</c> (api-v4.md "More decisions").</summary>
    public static void Error(Answer answer, int code)
    {
        Meta(answer, code);
        Assert.Equal(JsonValueKind.Null, answer.Data.ValueKind);
    }

    /// <summary>A tracking key by key: every field of the record and no other, its parts likewise, kinds as the captured one.</summary>
    public static void Tracking(JsonElement t)
    {
        Assert.Equal(TrackingFields.Order(), Shape.Keys(t).Order());
        var captured = Fixtures.Data("v4-list-captured-2023.json")[0];
        // The capture's order; api-v4.md lists two fields it lacks (recipient_postcode, label).
        Assert.Equal(Shape.Keys(captured), Shape.Keys(t).Where(k => k is not ("recipient_postcode" or "label")));
        foreach (var p in captured.EnumerateObject())
        {
            // Texts may be null (not given); fields the capture shows null are texts or numbers; the rest have the capture's kind.
            var actual = t.GetProperty(p.Name).ValueKind;
            if (p.Value.ValueKind == JsonValueKind.Null) Assert.True(actual is JsonValueKind.Null or JsonValueKind.String or JsonValueKind.Number, $"{p.Name} is {actual}");
            else if (p.Value.ValueKind == JsonValueKind.String) Assert.True(actual is JsonValueKind.String or JsonValueKind.Null, $"{p.Name} is {actual}");
            else if (p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) Assert.True(actual is JsonValueKind.True or JsonValueKind.False, p.Name);
            else Assert.True(p.Value.ValueKind == actual, $"{p.Name} is {actual}, the capture has {p.Value.ValueKind}");
        }
        Assert.Matches("^[0-9a-f]{32}$", t.GetProperty("id").GetString());
        Assert.Contains(t.GetProperty("delivery_status").GetString(), Statuses);
        Assert.Contains(t.GetProperty("archived").GetString(), (string[])["tracking", "archived"]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", t.GetProperty("created_at").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$", t.GetProperty("update_at").GetString());
        foreach (var side in (string[])["origin_info", "destination_info"])
        {
            var info = t.GetProperty(side);
            Assert.Equal(InfoFields.Order(), Shape.Keys(info).Order());
            // ... and one it lacks here (arrived_destination_date).
            Assert.Equal(Shape.Keys(captured.GetProperty(side)), Shape.Keys(info).Where(k => k != "arrived_destination_date"));
            Assert.Equal(MilestoneFields.Order(), Shape.Keys(info.GetProperty("milestone_date")).Order());
            foreach (var c in info.GetProperty("trackinfo").EnumerateArray())
            {
                Assert.Equal(CheckpointFields.Order(), Shape.Keys(c).Order());
                // Carrier local time: no offset.
                Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$", c.GetProperty("checkpoint_date").GetString());
                Assert.Contains(c.GetProperty("checkpoint_delivery_status").GetString(), Statuses);
            }
        }
    }
}
