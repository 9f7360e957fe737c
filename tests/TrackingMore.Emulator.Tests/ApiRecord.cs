using System.Text.Json;

namespace TrackingMore.Emulator.Tests;

/// <summary>
/// What the API record (api-v2.md, beside the repository) says, copied here because tests read nothing outside
/// the clone. Keep it in step with that page: it is the contract the emulator is held to.
/// </summary>
public static class ApiRecord
{
    /// <summary>api-v2.md "Meta messages, verbatim" (the status-code page), every row.</summary>
    public static readonly IReadOnlyDictionary<int, (string Type, string Message)> Meta = new Dictionary<int, (string, string)>
    {
        [200] = ("Success", "The request was successful."),
        [201] = ("Created", "The request was successful and a resource was created."),
        [202] = ("Bad Request", "The request was successful but exceeding the limit."),
        [401] = ("Unauthorized", "Authentication failed or user does not have permissions for the requested operation."),
        [4001] = ("Unauthorized", "Invalid API key."),
        [4002] = ("Unauthorized", "API key has been deleted."),
        [4012] = ("Bad Request", "The request could not be understood or was missing required parameters."),
        [4013] = ("Bad Request", "Tracking_number is required."),
        [4014] = ("Bad Request", "The value of `tracking_number` is invalid."),
        [4015] = ("Bad Request", "The value of `carrier_code` is invalid."),
        [4016] = ("Bad Request", "Tracking already exists."),
        [4017] = ("Bad Request", "Tracking does not exist."),
        [4018] = ("Bad Request", "Due to overload risks this feature requires custom activation. Contact service@trackingmore.org for more information."),
        [4019] = ("Bad Request", "Your balance is insufficient, please recharge in time"),
        [4020] = ("Bad Request", "Up to 200 at a time"),
        [4021] = ("Bad Request", "Remaining quota is deficient, or the 7-day free trial has expired. To continue using API, please recharge first."),
        [4031] = ("No Content", "The request was successful but the response is empty. Please try POST /trackings/post and then GET /trackings/get"),
        [4032] = ("No Content", "Cannot detect courier. Assign your shipment a courier instead of by auto detection."),
        [4033] = ("No Content", "The value of `package status` is invalid."),
        [402] = ("Payment Required", "Payment required."),
        [403] = ("Forbidden", "Access denied."),
        [404] = ("Not Found", "Resource was not found."),
        [405] = ("Method Not Allowed", "Requested method is not supported for the specified resource."),
        [409] = ("Conflict", "The request could not be completed due to a conflict."),
        [429] = ("Too Many Requests", "Exceeded API limits. Pause requests, wait two minute, and try again."),
        [503] = ("Service Unavailable", "The service is temporary unavailable (e.g. scheduled Platform Maintenance). Try again later."),
    };

    /// <summary>
    /// The 200 text of the captured answers of the tracking and carrier endpoints (fixtures/*.json all say
    /// "Success"); only the remote-area example carries the status-code page's text.
    /// </summary>
    public const string CapturedSuccessMessage = "Success";

    /// <summary>api-v2.md "Carrier codes the documentation and official samples use".</summary>
    public static readonly string[] DocumentedCarrierCodes =
    [
        "wishpost", "deutsch-post", "postnl-3s", "china-post", "china-ems", "4px", "phlpost", "usps", "ups",
        "lietuvos-pastas", "korea-post", "bestex", "dhl", "fedex",
        "poste-italiane", "nexive", "gls-italy", "bartolini", "tnt-it", "sgt-it", "italy-sda",
    ];

    /// <summary>api-v2.md "The tracking object": every field the full form may carry.</summary>
    public static readonly HashSet<string> TrackingFields =
    [
        "id", "tracking_number", "carrier_code", "status", "substatus", "track_update", "created_at", "updated_at",
        "order_create_time", "title", "order_id", "comment", "customer_name", "customer_email", "customer_phone",
        "logistics_channel", "archived", "original_country", "destination_country", "itemTimeLength", "stayTimeLength",
        "service_code", "status_info", "singed_by", "lastEvent", "lastUpdateTime", "origin_info", "destination_info",
    ];

    /// <summary>The fields of origin_info / destination_info.</summary>
    public static readonly HashSet<string> CarrierInfoFields =
    [
        "weblink", "phone", "carrier_code", "ReferenceNumber", "ItemReceived", "ItemDispatched", "DepartfromAirport",
        "ArrivalfromAbroad", "CustomsClearance", "DestinationArrived", "trackinfo",
    ];

    /// <summary>A checkpoint: Date, StatusDescription, Details, and optionally the rest.</summary>
    public static readonly HashSet<string> CheckpointFields = ["Date", "StatusDescription", "Details", "checkpoint_status", "substatus", "ItemNode"];

    /// <summary>
    /// api-v2.md: origin_info and destination_info are "an object, "", null or absent"; a checkpoint's
    /// checkpoint_status is optional (old-style checkpoints have none).
    /// </summary>
    public static readonly HashSet<string> MayBeAbsent = ["origin_info", "destination_info", "checkpoint_status"];

    private static readonly JsonValueKind[] TextOrNull = [JsonValueKind.String, JsonValueKind.Null];

    /// <summary>
    /// The loose types api-v2.md documents. A field named here may carry any of these kinds whatever kind the
    /// fixture shows; every other field must carry exactly the fixture's kind.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, JsonValueKind[]> LooseKinds = new Dictionary<string, JsonValueKind[]>
    {
        ["customer_email"] = [JsonValueKind.String, JsonValueKind.Array, JsonValueKind.Null],
        ["order_create_time"] = [JsonValueKind.String, JsonValueKind.Number, JsonValueKind.Null],
        ["itemTimeLength"] = [JsonValueKind.Number, JsonValueKind.Null],
        ["origin_info"] = [JsonValueKind.Object, JsonValueKind.String, JsonValueKind.Null],
        ["destination_info"] = [JsonValueKind.Object, JsonValueKind.String, JsonValueKind.Null],
        // Texts a user sets, or the carrier has not given yet.
        ["title"] = TextOrNull, ["order_id"] = TextOrNull, ["comment"] = TextOrNull, ["customer_name"] = TextOrNull,
        ["customer_phone"] = TextOrNull, ["logistics_channel"] = TextOrNull, ["service_code"] = TextOrNull,
        ["status_info"] = TextOrNull, ["singed_by"] = TextOrNull, ["substatus"] = TextOrNull,
        ["lastEvent"] = TextOrNull, ["lastUpdateTime"] = TextOrNull, ["ReferenceNumber"] = TextOrNull,
        ["ItemReceived"] = TextOrNull, ["ItemDispatched"] = TextOrNull, ["DepartfromAirport"] = TextOrNull,
        ["ArrivalfromAbroad"] = TextOrNull, ["CustomsClearance"] = TextOrNull, ["DestinationArrived"] = TextOrNull,
        // A route with one carrier has none on the destination side.
        ["destination_info.weblink"] = TextOrNull, ["destination_info.phone"] = TextOrNull, ["destination_info.carrier_code"] = TextOrNull,
    };

    /// <summary>The loose kinds of field <paramref name="name"/> inside the object named <paramref name="parent"/>; null: strict.</summary>
    public static JsonValueKind[]? LooseKindsOf(string parent, string name) =>
        LooseKinds.TryGetValue(parent + "." + name, out var scoped) ? scoped
        : LooseKinds.TryGetValue(name, out var kinds) ? kinds
        : null;
}
