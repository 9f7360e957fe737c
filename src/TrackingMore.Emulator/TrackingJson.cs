using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// The three JSON forms of a tracking, written from the api-v2.md shapes and the captured fixtures:
/// the create answer (fixtures/create-sample.json), the summary used in bulk answers
/// (fixtures/batch-captured-2019.json) and the full form of GET and lists (fixtures/list-*.json).
/// </summary>
internal static class TrackingJson
{
    private static TrackingFields FieldsOf(Tracking t) => t.Fields ?? SeedProfile.Fields(t);

    /// <summary>
    /// POST /trackings/post. The real service answers unset customer fields with the <em>string</em> "null"
    /// here (see create-sample.json); the emulator does the same so clients meet that quirk offline.
    /// </summary>
    public static void WriteCreated(Utf8JsonWriter w, Tracking t, long now)
    {
        var f = FieldsOf(t);
        w.WriteStartObject();
        WriteIdentity(w, t);
        w.WriteString("status", Simulation.Evaluate(t, now).Status.Name());
        w.WriteString("created_at", Dates.Iso(t.CreatedAt));
        Envelope.WriteLoose(w, "customer_email", f.CustomerEmail ?? "null");
        w.WriteString("customer_name", f.CustomerName ?? "null");
        w.WriteString("order_id", f.OrderId ?? "null");
        w.WriteString("title", f.Title);
        w.WriteEndObject();
    }

    /// <summary>The item form of batch, updatemore, delete and notupdate answers.</summary>
    public static void WriteSummary(Utf8JsonWriter w, Tracking t, long now)
    {
        var f = FieldsOf(t);
        w.WriteStartObject();
        WriteIdentity(w, t);
        Envelope.WriteLoose(w, "order_create_time", f.OrderCreateTime ?? 0L);
        w.WriteString("status", Simulation.Evaluate(t, now).Status.Name());
        w.WriteString("created_at", Dates.Iso(t.CreatedAt));
        Envelope.WriteLoose(w, "customer_email", f.CustomerEmail);
        w.WriteString("customer_name", f.CustomerName);
        w.WriteString("customer_phone", f.CustomerPhone);
        w.WriteString("order_id", f.OrderId);
        w.WriteString("comment", f.Comment);
        w.WriteString("title", f.Title);
        w.WriteString("logistics_channel", f.LogisticsChannel);
        w.WriteString("destination", f.DestinationCode ?? "");
        w.WriteEndObject();
    }

    private static void WriteIdentity(Utf8JsonWriter w, Tracking t)
    {
        Span<char> id = stackalloc char[32];
        t.IdHigh.TryFormat(id[..16], out _, "x16");
        t.IdLow.TryFormat(id[16..], out _, "x16");
        w.WriteString("id", id);
        w.WriteString("tracking_number", t.Number);
        w.WriteString("carrier_code", Carriers.Get(t.Carrier).Code);
    }

    /// <summary>The full form: GET one, lists, realtime.</summary>
    public static void WriteFull(Utf8JsonWriter w, Tracking t, long now)
    {
        var s = Simulation.Evaluate(t, now);
        var f = FieldsOf(t);
        var route = new RouteView(t, s.Visible);
        Span<char> buf = stackalloc char[32];

        w.WriteStartObject();
        WriteIdentity(w, t);
        w.WriteString("status", s.Status.Name());
        w.WriteBoolean("track_update", t.TrackUpdate);
        w.WriteString("created_at", buf[..Dates.FormatIso(buf, t.CreatedAt)]);
        w.WriteString("updated_at", buf[..Dates.FormatIso(buf, Math.Max(s.ChangedAt, t.CreatedAt))]);
        Envelope.WriteLoose(w, "order_create_time", f.OrderCreateTime);
        Envelope.WriteLoose(w, "customer_email", f.CustomerEmail);
        w.WriteString("title", f.Title);
        w.WriteString("order_id", f.OrderId);
        w.WriteString("comment", f.Comment);
        w.WriteString("customer_name", f.CustomerName);
        w.WriteString("customer_phone", f.CustomerPhone);
        w.WriteString("logistics_channel", f.LogisticsChannel);
        w.WriteBoolean("archived", t.Archived);
        w.WriteString("original_country", Geography.All[t.OriginCountry].Name);
        var destination = Geography.IndexOf(f.DestinationCode);
        w.WriteString("destination_country", Geography.All[destination >= 0 ? destination : t.DestinationCountry].Name);

        if (s.Visible > 0 && (t.Quirks & Quirks.ItemTimeLengthNull) == 0)
        {
            var span = Simulation.TimeOf(t, s.Visible - 1) - Simulation.TimeOf(t, 0);
            w.WriteNumber("itemTimeLength", (span + 86399) / 86400);
        }
        else
        {
            w.WriteNull("itemTimeLength");
        }
        w.WriteNumber("stayTimeLength", s.Visible > 0 ? Math.Max(0, now - Simulation.TimeOf(t, s.Visible - 1)) / 86400 : 0);
        w.WriteNull("service_code");
        w.WriteNull("status_info");
        w.WriteString("substatus", s.Substatus);
        if (s.Visible > 0)
        {
            var last = t.Events[s.Visible - 1];
            w.WriteString("singed_by", Narrative.SignedBy(t, Simulation.KindOf(last), Simulation.VariantOf(last)));
        }
        else
        {
            w.WriteNull("singed_by");
        }

        if (route.TwoLegs)
        {
            WriteInfo(w, "origin_info", route, Carriers.Get(t.Carrier), 0, route.Split);
            WriteInfo(w, "destination_info", route, Carriers.Get(t.DestinationCarrier), route.Split, s.Visible);
        }
        else
        {
            WriteInfo(w, "origin_info", route, Carriers.Get(t.Carrier), 0, s.Visible);
            if ((t.Quirks & Quirks.DestinationInfoNull) != 0) w.WriteNull("destination_info");
            else if ((t.Quirks & Quirks.DestinationInfoEmpty) != 0) w.WriteString("destination_info", "");
            else if ((t.Quirks & Quirks.DestinationInfoAbsent) == 0) WriteInfo(w, "destination_info", route, null, 0, 0);
        }

        if (s.Visible > 0)
        {
            var newest = route.Describe(s.Visible - 1);
            var date = route.Date(buf, s.Visible - 1);
            w.WriteString("lastEvent", $"{newest.Description},{newest.Details},{date}");
            w.WriteString("lastUpdateTime", date);
        }
        else
        {
            w.WriteNull("lastEvent");
            w.WriteNull("lastUpdateTime");
        }
        w.WriteEndObject();
    }

    /// <summary>origin_info / destination_info with events [from, to), newest first.</summary>
    private static void WriteInfo(Utf8JsonWriter w, string name, RouteView route, Carrier? carrier, int from, int to)
    {
        Span<char> buf = stackalloc char[32];
        w.WriteStartObject(name);
        w.WriteNull("ReferenceNumber");
        foreach (var milestone in Simulation.Milestones)
        {
            var at = -1;
            for (var i = from; i < to; i++)
            {
                if (Simulation.MilestoneOf(route.Kind(i)) == milestone) at = i;
            }
            if (at >= 0) w.WriteString(milestone, route.Date(buf, at));
            else w.WriteNull(milestone);
        }
        w.WriteString("weblink", carrier?.Weblink);
        w.WriteString("phone", carrier?.Phone);
        w.WriteString("carrier_code", carrier?.Code);

        w.WriteStartArray("trackinfo");
        var plain = (route.Tracking.Quirks & Quirks.NoCheckpointStatus) != 0;
        for (var i = to - 1; i >= from; i--)
        {
            var (description, details) = route.Describe(i);
            var kind = route.Kind(i);
            w.WriteStartObject();
            w.WriteString("Date", route.Date(buf, i));
            w.WriteString("StatusDescription", description);
            w.WriteString("Details", details);
            if (!plain)
            {
                w.WriteString("checkpoint_status", Simulation.StatusOf(kind).Name());
                var sub = Simulation.SubstatusOf(kind, Simulation.VariantOf(route.Tracking.Events[i]));
                if (sub is not null) w.WriteString("substatus", sub);
                var node = Simulation.MilestoneOf(kind);
                if (node is not null) w.WriteString("ItemNode", node);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Where each visible event of a route happens: events from the arrival abroad on are on the destination
    /// side (destination country, and destination_info when a second carrier takes over).
    /// </summary>
    private readonly struct RouteView
    {
        public readonly Tracking Tracking;
        public readonly int Split;
        public readonly bool TwoLegs;

        public RouteView(Tracking t, int visible)
        {
            Tracking = t;
            TwoLegs = t.DestinationCarrier >= 0;
            Split = visible;
            for (var i = 0; i < visible; i++)
            {
                if (Simulation.KindOf(t.Events[i]) == EventKind.ArrivedAbroad)
                {
                    Split = i;
                    break;
                }
            }
        }

        public EventKind Kind(int i) => Simulation.KindOf(Tracking.Events[i]);

        private Country CountryOf(int i) => Geography.All[i < Split ? Tracking.OriginCountry : Tracking.DestinationCountry];

        private Script ScriptOf(int i) =>
            Carriers.Get(TwoLegs && i >= Split ? Tracking.DestinationCarrier : Tracking.Carrier).Script;

        public (string Description, string Details) Describe(int i) =>
            Narrative.Describe(Tracking, i, Kind(i), Simulation.VariantOf(Tracking.Events[i]), CountryOf(i), ScriptOf(i));

        public ReadOnlySpan<char> Date(Span<char> buf, int i) =>
            buf[..Dates.FormatLocal(buf, Simulation.TimeOf(Tracking, i), CountryOf(i).UtcOffset,
                (Tracking.Quirks & Quirks.DatesWithSeconds) != 0)];
    }
}
