using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>
/// /v4/couriers/all, /v4/couriers/detect and /v4/awb, over the same carrier table and air-cargo story as v2, and
/// the couriers' special required fields (4122 on create when one is missing).
/// </summary>
internal static partial class V4Lookups
{
    /// <summary>
    /// The couriers that need special fields on create (the emulator's choice; the record names no list). All
    /// others have <c>tracking_required_fields: null</c>.
    /// </summary>
    private static readonly Dictionary<string, string[]> RequiredFields = new(StringComparer.Ordinal)
    {
        ["postnl-3s"] = ["tracking_postal_code", "tracking_destination_country"],
        ["dpd"] = ["tracking_postal_code"],
        ["hermes"] = ["tracking_postal_code"],
        ["bartolini"] = ["tracking_ship_date"],
    };

    /// <summary>Optional fields: a string for some couriers, an array for others, null for the rest, as the record shows all three.</summary>
    private static object? OptionalFields(CarrierRecord c) => c.Code switch
    {
        "dhl" or "ups" or "fedex" => "tracking_ship_date",
        "dhl-germany" or "gls" => new[] { "tracking_postal_code", "tracking_destination_country" },
        _ => null,
    };

    /// <summary>4122 when a required special field of the courier is not given.</summary>
    public static int CheckRequiredFields(short courier, TrackingFields f)
    {
        if (!RequiredFields.TryGetValue(Carriers.Get(courier).Code, out var required)) return 0;
        foreach (var name in required)
        {
            var value = name switch
            {
                "tracking_postal_code" => f.TrackingPostalCode,
                "tracking_destination_country" => f.TrackingDestinationCountry,
                "tracking_ship_date" => f.TrackingShipDate,
                _ => throw new InvalidOperationException(name),
            };
            if (value is null) return V4Codes.SpecialFields;
        }
        return 0;
    }

    /// <summary>GET /couriers/all: every courier of the table.</summary>
    public static Task AllCouriers(IncomingRequest r) => r.ReplyV4(w =>
    {
        w.WriteStartArray();
        foreach (var c in Carriers.All) WriteCourier(w, c);
        w.WriteEndArray();
    });

    /// <summary>POST /couriers/detect <c>{"tracking_number"}</c>: the candidates, most likely first; none → 4121.</summary>
    public static Task Detect(IncomingRequest r)
    {
        var code = V4Inputs.ReadBody(r, JsonValueKind.Object, out var body);
        string? number = null;
        if (code == 0 && V4Inputs.Text(body, "tracking_number", out number) != 0) code = V4Codes.InvalidNumber;
        if (code == 0) code = V4Inputs.CheckNumber(number);
        if (code != 0) return r.FailV4(code);
        var found = Carriers.Detect(number!);
        return found.Count == 0
            ? r.FailV4(V4Codes.CannotDetect)
            : r.ReplyV4(w =>
            {
                w.WriteStartArray();
                foreach (var c in found) WriteCourier(w, c);
                w.WriteEndArray();
            });
    }

    private static void WriteCourier(Utf8JsonWriter w, CarrierRecord c)
    {
        w.WriteStartObject();
        w.WriteString("courier_name", c.Name);
        w.WriteString("courier_code", c.Code);
        w.WriteString("courier_country_iso2", c.Country);
        w.WriteString("courier_url", c.Weblink);
        w.WriteString("courier_phone", c.Phone);
        w.WriteString("courier_type", c.Type);
        Envelope.WriteLoose(w, "tracking_required_fields", RequiredFields.GetValueOrDefault(c.Code));
        Envelope.WriteLoose(w, "optional_fields", OptionalFields(c));
        var language = c.Script switch { Script.Chinese => "cn", Script.Cyrillic => "ru", _ => "en" };
        w.WriteString("default_language", language);
        w.WriteStartArray("support_language");
        w.WriteStringValue(language);
        if (language != "en") w.WriteStringValue("en");
        w.WriteEndArray();
        w.WriteString("courier_logo", "https:" + Carriers.Picture(c));
        w.WriteEndObject();
    }

    private static readonly string[] AwbStatuses = ["Booked", "Booked", "Received", "Departed", "Arrived", "Received", "Notified", "Delivered"];

    /// <summary>
    /// POST /awb <c>{"awb_number"}</c>, one a call: 4160 when it is not <c>^\d{3}[ -]?\d{8}$</c>, 4161 when its
    /// airline prefix is not one the emulator knows. The story is v2 aircargo's for the same number.
    /// </summary>
    public static Task AirWaybill(IncomingRequest r)
    {
        var code = V4Inputs.ReadBody(r, JsonValueKind.Object, out var body);
        string? awb = null;
        if (code == 0 && (V4Inputs.Text(body, "awb_number", out awb) != 0 || awb is null || !AwbNumber().IsMatch(awb))) code = V4Codes.InvalidAwb;
        if (code == 0 && ServiceEndpoints.AirlineOf(awb!) is null) code = V4Codes.AirlineNotSupported;
        if (code != 0) return r.FailV4(code);

        var story = ServiceEndpoints.PlanCargo(awb!, r.Now);
        string Time(long unix) => Dates.LocalString(unix, Dates.ServiceOffsetHours, seconds: false);
        var departure = Array.FindIndex(story.Steps, s => s.Code == "DEP");
        var arrival = Array.FindIndex(story.Steps, s => s.Code == "ARR");
        var flight = story.Steps[departure].Flight;
        var flightState = story.Done > arrival ? "Arrived" : story.Done > departure ? "Departed" : "Booked";

        void WriteFlight(Utf8JsonWriter w)
        {
            w.WriteString("flight_number", flight);
            w.WriteString("depart_station", story.Origin);
            w.WriteString("arrival_station", story.Destination);
            w.WriteString("plan_depart_time", Time(story.Steps[departure].Plan));
            w.WriteString("depart_time", story.Steps[departure].Done ? Time(story.Steps[departure].Actual) : null);
            w.WriteString("plan_arrival_time", Time(story.Steps[arrival].Plan));
            w.WriteString("arrival_time", story.Steps[arrival].Done ? Time(story.Steps[arrival].Actual) : null);
            w.WriteString("piece", story.Pieces);
            w.WriteString("weight", story.Weight);
            w.WriteString("status", flightState);
        }

        return r.ReplyV4(w =>
        {
            w.WriteStartObject();
            w.WriteString("awb_number", awb);
            w.WriteString("awb_status", AwbStatuses[story.Done]);
            w.WriteString("awb_substatus", story.Done > 0 ? story.Steps[story.Done - 1].Code : null);
            w.WriteNumber("status_number", story.Done);
            w.WriteString("weight", story.Weight);
            w.WriteString("piece", story.Pieces);
            w.WriteString("origin", story.Origin);
            w.WriteString("destination", story.Destination);
            w.WriteStartArray("flight_way_station");
            w.WriteStringValue(story.Origin);
            w.WriteStringValue(story.Destination);
            w.WriteEndArray();
            w.WriteString("last_event", story.Done > 0 ? $"{story.Steps[story.Done - 1].Code} - {story.Steps[story.Done - 1].Text}" : null);
            w.WriteStartArray("flight_info_new");
            w.WriteStartObject();
            WriteFlight(w);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteStartObject("flight_info");
            w.WriteStartObject(flight);
            WriteFlight(w);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartArray("track_info");
            foreach (var step in story.Steps)
            {
                w.WriteStartObject();
                ServiceEndpoints.WriteStepFields(w, step, notYet: null);
                w.WriteString("status", step.Done ? "Done" : "Planned");
                w.WriteString("piece", story.Pieces);
                w.WriteString("weight", story.Weight);
                w.WriteString("checkpoint_status", step.Code == "DLV" ? "delivered" : "transit");
                w.WriteString("checkpoint_substatus", step.Code == "DLV" ? "delivered001" : "transit001");
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("airline_info");
            w.WriteString("name", story.Airline);
            w.WriteNull("url");
            w.WriteNull("track_url");
            w.WriteNull("trackpage_url");
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    [GeneratedRegex(@"^\d{3}[ -]?\d{8}$")]
    private static partial Regex AwbNumber();
}
