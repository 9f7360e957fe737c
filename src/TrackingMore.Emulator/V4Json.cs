using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// The v4 tracking object (api-v4.md "The v4 tracking object", fixtures/v4-list-captured-2023.json), written from the
/// same stored tracking and simulated route as v2's forms. What v4 shows differently: nine statuses (the courier's
/// acceptance scan is <c>inforeceived</c> where v2 says transit), v4's substatus names, ISO dates in +00:00,
/// checkpoint dates without offset, <c>archived</c> as a string, origin/destination always objects.
/// </summary>
internal static class V4Json
{
    /// <summary>How long after a retrack a tracking shows <c>updating: true</c> (simulated seconds).</summary>
    public const long RetrackUpdatingSeconds = 2 * 3600;

    /// <summary>
    /// v4's delivery status and substatus: those of the newest checkpoint while the route is running, else the
    /// tracking's own (pending, notfound, expired, or a status set through v2's PUT).
    /// </summary>
    public static (string Status, string? Substatus) StatusOf(StoredTracking t, ShipmentState s)
    {
        if (s.Status == Status.Expired) return ("expired", "expired001");
        if (t.StatusOverride is not null || s.Visible == 0) return (s.Status.Name(), s.Substatus);
        var last = t.Events[s.Visible - 1];
        return (CheckpointStatus(Simulation.KindOf(last)), Substatus(Simulation.KindOf(last), Simulation.VariantOf(last)));
    }

    private static string CheckpointStatus(EventKind k) =>
        k == EventKind.Accepted ? "inforeceived" : Simulation.StatusOf(k).Name();

    /// <summary>v4's substatus of a checkpoint (api-v4.md "Statuses").</summary>
    private static string Substatus(EventKind k, int variant) => k switch
    {
        EventKind.Accepted => "inforeceived001",
        EventKind.OriginHub or EventKind.DestinationHub => "transit002",
        EventKind.DestinationArrived => "transit003",
        EventKind.ArrivedAbroad => "transit004",
        EventKind.Customs => "transit005",
        EventKind.Dispatched => "transit006",
        EventKind.DepartedAirport => "transit007",
        EventKind.OutForDelivery => "pickup001",
        EventKind.Delivered => $"delivered00{Math.Clamp(variant, 1, 4)}",
        EventKind.AttemptFailed => "undelivered001",
        EventKind.Exception => $"exception{Math.Clamp(variant, 4, 11):000}",
        _ => "transit001",
    };

    /// <summary>"2023-10-25T07:02:52+00:00".</summary>
    public static string Iso(long unix) => Local(unix, 0) + "+00:00";

    /// <summary>Carrier local time, ISO 8601 without offset: "2023-10-25T15:02:52".</summary>
    private static string Local(long unix, int offsetHours)
    {
        Span<char> buf = stackalloc char[32];
        var n = Dates.FormatLocal(buf, unix, offsetHours, seconds: true);
        buf[10] = 'T';
        return new string(buf[..n]);
    }

    /// <summary>The short identity of batch, delete and the update echo.</summary>
    public static void WriteIdentity(Utf8JsonWriter w, StoredTracking t)
    {
        w.WriteString("id", Id(t));
        w.WriteString("tracking_number", t.Number);
        w.WriteString("courier_code", Carriers.Get(t.Carrier).Code);
    }

    public static string Id(StoredTracking t) => string.Create(32, t, static (id, x) =>
    {
        x.IdHigh.TryFormat(id[..16], out _, "x16");
        x.IdLow.TryFormat(id[16..], out _, "x16");
    });

    /// <summary>The full tracking: create, list, retrack.</summary>
    public static void WriteTracking(Utf8JsonWriter w, StoredTracking t, long now)
    {
        var s = Simulation.Evaluate(t, now);
        var f = t.Fields ?? SeedProfile.Fields(t);
        var route = new TrackingJson.RouteView(t, s.Visible);
        var (status, substatus) = StatusOf(t, s);

        // In the order of the captured answer (fixtures/v4-list-captured-2023.json); recipient_postcode and label,
        // which api-v4.md lists and the capture lacks, beside their neighbours.
        w.WriteStartObject();
        WriteIdentity(w, t);
        w.WriteString("order_number", f.OrderNumber);
        w.WriteString("order_date", f.OrderCreateTime as string);
        w.WriteString("created_at", Iso(t.CreatedAt));
        w.WriteString("update_at", Iso(Math.Max(s.ChangedAt, t.CreatedAt)));
        w.WriteString("delivery_status", status);
        w.WriteString("archived", t.Archived ? "archived" : "tracking");
        w.WriteBoolean("updating", t.TrackUpdate && (!s.Status.IsFinal() || t.RetrackedAt > now - RetrackUpdatingSeconds));
        w.WriteString("source", "API");
        var destination = Geography.IndexOf(f.DestinationCode);
        w.WriteString("destination_country", Geography.All[destination >= 0 ? destination : t.DestinationCountry].Iso2);
        w.WriteNull("destination_state");
        w.WriteNull("destination_city");
        w.WriteString("origin_country", f.OriginCode ?? Geography.All[t.OriginCountry].Iso2);
        w.WriteNull("origin_state");
        w.WriteNull("origin_city");
        w.WriteString("tracking_postal_code", f.TrackingPostalCode);
        w.WriteString("tracking_ship_date", f.TrackingShipDate);
        w.WriteString("tracking_destination_country", f.TrackingDestinationCountry);
        w.WriteString("tracking_origin_country", f.TrackingOriginCountry);
        w.WriteString("tracking_key", f.TrackingKey);
        w.WriteString("tracking_courier_account", f.TrackingCourierAccount);
        w.WriteString("customer_name", f.CustomerName);
        w.WriteString("customer_email", Email(f.CustomerEmail));
        w.WriteString("customer_sms", f.CustomerPhone);
        w.WriteString("recipient_postcode", f.RecipientPostcode);
        w.WriteString("order_id", f.OrderId);
        w.WriteString("title", f.Title);
        w.WriteString("logistics_channel", f.LogisticsChannel);
        w.WriteString("note", f.Comment);
        w.WriteString("label", f.Label);
        w.WriteString("signed_by", s.Visible > 0
            ? Narrative.SignedBy(t, Simulation.KindOf(t.Events[s.Visible - 1]), Simulation.VariantOf(t.Events[s.Visible - 1]))
            : null);
        foreach (var name in (string[])["service_code", "weight", "weight_kg", "product_type", "pieces", "dimension", "previously",
                     "destination_track_number", "exchange_number", "scheduled_delivery_date", "scheduled_address"])
            w.WriteNull(name);
        w.WriteString("substatus", substatus);
        w.WriteNull("status_info");
        if (s.Visible > 0)
        {
            var (detail, location) = route.Describe(s.Visible - 1);
            var date = Local(Simulation.TimeOf(t, s.Visible - 1), route.CountryOf(s.Visible - 1).UtcOffset);
            w.WriteString("latest_event", $"{detail}, {location}, {date}");
            w.WriteString("latest_checkpoint_time", date);
        }
        else
        {
            w.WriteNull("latest_event");
            w.WriteNull("latest_checkpoint_time");
        }
        w.WriteNumber("transit_time", TrackingJson.TransitDays(t, s.Visible));
        if (route.TwoLegs)
        {
            WriteInfo(w, "origin_info", route, Carriers.Get(t.Carrier), 0, route.Split);
            WriteInfo(w, "destination_info", route, Carriers.Get(t.DestinationCarrier), route.Split, s.Visible);
        }
        else
        {
            WriteInfo(w, "origin_info", route, Carriers.Get(t.Carrier), 0, s.Visible);
            WriteInfo(w, "destination_info", route, null, 0, 0);
        }
        w.WriteEndObject();
    }

    /// <summary>v4 types customer_email as one string: several addresses are joined with ",".</summary>
    public static string? Email(object? email) => email is string[] list ? string.Join(',', list) : email as string;

    /// <summary>origin_info / destination_info with the events [from, to), newest first.</summary>
    private static void WriteInfo(Utf8JsonWriter w, string name, TrackingJson.RouteView route, CarrierRecord? carrier, int from, int to)
    {
        var t = route.Tracking;
        string? FirstOf(EventKind kind)
        {
            for (var i = from; i < to; i++)
            {
                if (route.Kind(i) == kind) return Local(Simulation.TimeOf(t, i), route.CountryOf(i).UtcOffset);
            }
            return null;
        }

        w.WriteStartObject(name);
        w.WriteString("courier_code", carrier?.Code);
        w.WriteString("courier_phone", carrier?.Phone);
        w.WriteString("weblink", carrier?.Weblink);
        w.WriteNull("reference_number");
        w.WriteStartObject("milestone_date");
        w.WriteString("inforeceived_date", FirstOf(EventKind.Accepted));
        w.WriteString("pickup_date", FirstOf(EventKind.OriginHub));
        w.WriteString("outfordelivery_date", FirstOf(EventKind.OutForDelivery));
        w.WriteString("delivery_date", FirstOf(EventKind.Delivered));
        w.WriteNull("returning_date");
        w.WriteNull("returned_date");
        w.WriteEndObject();
        w.WriteString("pickup_date", FirstOf(EventKind.OriginHub));
        w.WriteString("departed_airport_date", FirstOf(EventKind.DepartedAirport));
        w.WriteString("arrived_abroad_date", FirstOf(EventKind.ArrivedAbroad));
        w.WriteString("customs_received_date", FirstOf(EventKind.Customs));
        w.WriteString("arrived_destination_date", FirstOf(EventKind.DestinationArrived));
        w.WriteStartArray("trackinfo");
        for (var i = to - 1; i >= from; i--)
        {
            var kind = route.Kind(i);
            var (detail, location) = route.Describe(i);
            w.WriteStartObject();
            w.WriteString("checkpoint_date", Local(Simulation.TimeOf(t, i), route.CountryOf(i).UtcOffset));
            w.WriteString("checkpoint_delivery_status", CheckpointStatus(kind));
            w.WriteString("checkpoint_delivery_substatus", Substatus(kind, Simulation.VariantOf(t.Events[i])));
            w.WriteString("tracking_detail", detail);
            w.WriteString("location", location);
            w.WriteString("country_iso2", route.CountryOf(i).Iso2);
            w.WriteNull("state");
            w.WriteNull("city");
            w.WriteNull("zip");
            w.WriteString("raw_status", kind.ToString());
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
