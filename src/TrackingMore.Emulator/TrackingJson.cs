using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// The three JSON forms of a tracking, written from the api-v2.md shapes and the captured fixtures:
/// the create answer (fixtures/create-sample.json), the summary used in bulk answers
/// (fixtures/batch-captured-2019.json) and the full form of GET and lists (fixtures/list-*.json).
/// </summary>
internal static class TrackingJson
{
    private static TrackingFields FieldsOf(StoredTracking t) => t.Fields ?? SeedProfile.Fields(t);

    /// <summary>
    /// POST /trackings/post. The real service answers unset customer fields with the <em>string</em> "null"
    /// here (see create-sample.json); the emulator does the same so clients meet that quirk offline.
    /// </summary>
    public static void WriteCreated(Utf8JsonWriter w, StoredTracking t, long now)
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

    /// <summary>
    /// A stored tracking as GET one, lists and PUT show it: the short create form until the carrier's first result,
    /// then the full form.
    /// </summary>
    public static void WriteStored(Utf8JsonWriter w, StoredTracking t, long now)
    {
        if (Simulation.AwaitsFirstResult(t, now)) WriteCreated(w, t, now);
        else WriteFull(w, t, now);
    }

    /// <summary>The item form of batch, updatemore, delete and notupdate answers.</summary>
    public static void WriteSummary(Utf8JsonWriter w, StoredTracking t, long now)
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

    private static void WriteIdentity(Utf8JsonWriter w, StoredTracking t)
    {
        Span<char> id = stackalloc char[32];
        t.IdHigh.TryFormat(id[..16], out _, "x16");
        t.IdLow.TryFormat(id[16..], out _, "x16");
        w.WriteString(Names.Id, id);
        w.WriteString(Names.TrackingNumber, t.Number);
        w.WriteString(Names.CarrierCode, Carriers.Get(t.Carrier).Code);
    }

    /// <summary>The full form: realtime, and GET one, lists and PUT once the carrier has answered.</summary>
    public static void WriteFull(Utf8JsonWriter w, StoredTracking t, long now)
    {
        var s = Simulation.Evaluate(t, now);
        var f = FieldsOf(t);
        var route = new RouteView(t, s.Visible);
        Span<char> buf = stackalloc char[32];

        w.WriteStartObject();
        WriteIdentity(w, t);
        w.WriteString(Names.Status, s.Status.Name());
        w.WriteBoolean(Names.TrackUpdate, t.TrackUpdate);
        w.WriteString(Names.CreatedAt, buf[..Dates.FormatIso(buf, t.CreatedAt)]);
        w.WriteString(Names.UpdatedAt, buf[..Dates.FormatIso(buf, Math.Max(s.ChangedAt, t.CreatedAt))]);
        Envelope.WriteLoose(w, "order_create_time", f.OrderCreateTime);
        Envelope.WriteLoose(w, "customer_email", f.CustomerEmail);
        w.WriteString(Names.Title, f.Title);
        w.WriteString(Names.OrderId, f.OrderId);
        w.WriteString(Names.Comment, f.Comment);
        w.WriteString(Names.CustomerName, f.CustomerName);
        w.WriteString(Names.CustomerPhone, f.CustomerPhone);
        w.WriteString(Names.LogisticsChannel, f.LogisticsChannel);
        w.WriteBoolean(Names.Archived, t.Archived);
        w.WriteString(Names.OriginalCountry, Geography.All[t.OriginCountry].Name);
        var destination = Geography.IndexOf(f.DestinationCode);
        w.WriteString(Names.DestinationCountry, Geography.All[destination >= 0 ? destination : t.DestinationCountry].Name);

        if (s.Visible > 0 && (t.Quirks & Quirks.ItemTimeLengthNull) == 0)
        {
            w.WriteNumber(Names.ItemTimeLength, TransitDays(t, s.Visible));
        }
        else
        {
            w.WriteNull(Names.ItemTimeLength);
        }
        w.WriteNumber(Names.StayTimeLength, s.Visible > 0 ? Math.Max(0, now - Simulation.TimeOf(t, s.Visible - 1)) / 86400 : 0);
        w.WriteNull(Names.ServiceCode);
        w.WriteNull(Names.StatusInfo);
        w.WriteString(Names.Substatus, s.Substatus);
        if (s.Visible > 0)
        {
            var last = t.Events[s.Visible - 1];
            w.WriteString(Names.SingedBy, Narrative.SignedBy(t, Simulation.KindOf(last), Simulation.VariantOf(last)));
        }
        else
        {
            w.WriteNull(Names.SingedBy);
        }

        if (route.TwoLegs)
        {
            WriteInfo(w, Names.OriginInfo, route, Carriers.Get(t.Carrier), 0, route.Split);
            WriteInfo(w, Names.DestinationInfo, route, Carriers.Get(t.DestinationCarrier), route.Split, s.Visible);
        }
        else
        {
            WriteInfo(w, Names.OriginInfo, route, Carriers.Get(t.Carrier), 0, s.Visible);
            if ((t.Quirks & Quirks.DestinationInfoNull) != 0) w.WriteNull(Names.DestinationInfo);
            else if ((t.Quirks & Quirks.DestinationInfoEmpty) != 0) w.WriteString(Names.DestinationInfo, "");
            else if ((t.Quirks & Quirks.DestinationInfoAbsent) == 0) WriteInfo(w, Names.DestinationInfo, route, null, 0, 0);
        }

        if (s.Visible > 0)
        {
            var newest = route.Describe(s.Visible - 1);
            var date = route.Date(buf, s.Visible - 1);
            w.WriteString(Names.LastEvent, $"{newest.Description},{newest.Details},{date}");
            w.WriteString(Names.LastUpdateTime, date);
        }
        else
        {
            w.WriteNull(Names.LastEvent);
            w.WriteNull(Names.LastUpdateTime);
        }
        w.WriteEndObject();
    }

    /// <summary>Days from the first to the newest visible checkpoint, started days counted (v2 itemTimeLength, v4 transit_time).</summary>
    public static long TransitDays(StoredTracking t, int visible) =>
        visible == 0 ? 0 : (Simulation.TimeOf(t, visible - 1) - Simulation.TimeOf(t, 0) + 86399) / 86400;

    /// <summary>origin_info / destination_info with events [from, to), newest first.</summary>
    private static void WriteInfo(Utf8JsonWriter w, JsonEncodedText name, RouteView route, CarrierRecord? carrier, int from, int to)
    {
        Span<char> buf = stackalloc char[32];
        Span<int> milestoneAt = stackalloc int[Simulation.Milestones.Length];
        milestoneAt.Fill(-1);
        for (var i = from; i < to; i++)
        {
            var m = Simulation.MilestoneOf(route.Kind(i));
            if (m >= 0) milestoneAt[m] = i;
        }

        w.WriteStartObject(name);
        w.WriteNull(Names.ReferenceNumber);
        for (var m = 0; m < milestoneAt.Length; m++)
        {
            if (milestoneAt[m] >= 0) w.WriteString(Names.Milestones[m], route.Date(buf, milestoneAt[m]));
            else w.WriteNull(Names.Milestones[m]);
        }
        w.WriteString(Names.Weblink, carrier?.Weblink);
        w.WriteString(Names.Phone, carrier?.Phone);
        w.WriteString(Names.CarrierCode, carrier?.Code);

        w.WriteStartArray(Names.Trackinfo);
        var plain = (route.Tracking.Quirks & Quirks.NoCheckpointStatus) != 0;
        for (var i = to - 1; i >= from; i--)
        {
            var (description, details) = route.Describe(i);
            var kind = route.Kind(i);
            w.WriteStartObject();
            w.WriteString(Names.Date, route.Date(buf, i));
            w.WriteString(Names.StatusDescription, description);
            w.WriteString(Names.Details, details);
            if (!plain)
            {
                w.WriteString(Names.CheckpointStatus, Simulation.StatusOf(kind).Name());
                var sub = Simulation.SubstatusOf(kind, Simulation.VariantOf(route.Tracking.Events[i]));
                if (sub is not null) w.WriteString(Names.Substatus, sub);
                var node = Simulation.MilestoneOf(kind);
                if (node >= 0) w.WriteString(Names.ItemNode, Names.Milestones[node]);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// Where each visible event of a route happens: events from the arrival abroad on are on the destination
    /// side (destination country, and destination_info when a second carrier takes over). v4 (V4Json) reads routes
    /// through it too, so both versions tell one story.
    /// </summary>
    internal readonly struct RouteView
    {
        public readonly StoredTracking Tracking;
        public readonly int Split;
        public readonly bool TwoLegs;

        public RouteView(StoredTracking t, int visible)
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

        public Country CountryOf(int i) => Geography.All[i < Split ? Tracking.OriginCountry : Tracking.DestinationCountry];

        private Script ScriptOf(int i) =>
            Carriers.Get(TwoLegs && i >= Split ? Tracking.DestinationCarrier : Tracking.Carrier).Script;

        public (string Description, string Details) Describe(int i) =>
            Narrative.Describe(Tracking, i, Kind(i), Simulation.VariantOf(Tracking.Events[i]), CountryOf(i), ScriptOf(i));

        public ReadOnlySpan<char> Date(Span<char> buf, int i) =>
            buf[..Dates.FormatLocal(buf, Simulation.TimeOf(Tracking, i), CountryOf(i).UtcOffset,
                (Tracking.Quirks & Quirks.DatesWithSeconds) != 0)];
    }
    /// <summary>Property names encoded once: a 2000-item page writes a quarter of a million of them.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("Date");
        public static readonly JsonEncodedText OriginInfo = JsonEncodedText.Encode("origin_info");
        public static readonly JsonEncodedText[] Milestones = Simulation.Milestones.Select(m => JsonEncodedText.Encode(m)).ToArray();
        public static readonly JsonEncodedText Details = JsonEncodedText.Encode("Details");
        public static readonly JsonEncodedText ItemNode = JsonEncodedText.Encode("ItemNode");
        public static readonly JsonEncodedText ReferenceNumber = JsonEncodedText.Encode("ReferenceNumber");
        public static readonly JsonEncodedText StatusDescription = JsonEncodedText.Encode("StatusDescription");
        public static readonly JsonEncodedText Archived = JsonEncodedText.Encode("archived");
        public static readonly JsonEncodedText CarrierCode = JsonEncodedText.Encode("carrier_code");
        public static readonly JsonEncodedText CheckpointStatus = JsonEncodedText.Encode("checkpoint_status");
        public static readonly JsonEncodedText Comment = JsonEncodedText.Encode("comment");
        public static readonly JsonEncodedText CreatedAt = JsonEncodedText.Encode("created_at");
        public static readonly JsonEncodedText CustomerName = JsonEncodedText.Encode("customer_name");
        public static readonly JsonEncodedText CustomerPhone = JsonEncodedText.Encode("customer_phone");
        public static readonly JsonEncodedText DestinationCountry = JsonEncodedText.Encode("destination_country");
        public static readonly JsonEncodedText DestinationInfo = JsonEncodedText.Encode("destination_info");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText ItemTimeLength = JsonEncodedText.Encode("itemTimeLength");
        public static readonly JsonEncodedText LastEvent = JsonEncodedText.Encode("lastEvent");
        public static readonly JsonEncodedText LastUpdateTime = JsonEncodedText.Encode("lastUpdateTime");
        public static readonly JsonEncodedText LogisticsChannel = JsonEncodedText.Encode("logistics_channel");
        public static readonly JsonEncodedText OrderId = JsonEncodedText.Encode("order_id");
        public static readonly JsonEncodedText OriginalCountry = JsonEncodedText.Encode("original_country");
        public static readonly JsonEncodedText Phone = JsonEncodedText.Encode("phone");
        public static readonly JsonEncodedText ServiceCode = JsonEncodedText.Encode("service_code");
        public static readonly JsonEncodedText SingedBy = JsonEncodedText.Encode("singed_by");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText StatusInfo = JsonEncodedText.Encode("status_info");
        public static readonly JsonEncodedText StayTimeLength = JsonEncodedText.Encode("stayTimeLength");
        public static readonly JsonEncodedText Substatus = JsonEncodedText.Encode("substatus");
        public static readonly JsonEncodedText Title = JsonEncodedText.Encode("title");
        public static readonly JsonEncodedText TrackUpdate = JsonEncodedText.Encode("track_update");
        public static readonly JsonEncodedText Trackinfo = JsonEncodedText.Encode("trackinfo");
        public static readonly JsonEncodedText TrackingNumber = JsonEncodedText.Encode("tracking_number");
        public static readonly JsonEncodedText UpdatedAt = JsonEncodedText.Encode("updated_at");
        public static readonly JsonEncodedText Weblink = JsonEncodedText.Encode("weblink");
    }
}
