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
        w.WriteString(N.Id, id);
        w.WriteString(N.TrackingNumber, t.Number);
        w.WriteString(N.CarrierCode, Carriers.Get(t.Carrier).Code);
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
        w.WriteString(N.Status, s.Status.Name());
        w.WriteBoolean(N.TrackUpdate, t.TrackUpdate);
        w.WriteString(N.CreatedAt, buf[..Dates.FormatIso(buf, t.CreatedAt)]);
        w.WriteString(N.UpdatedAt, buf[..Dates.FormatIso(buf, Math.Max(s.ChangedAt, t.CreatedAt))]);
        Envelope.WriteLoose(w, "order_create_time", f.OrderCreateTime);
        Envelope.WriteLoose(w, "customer_email", f.CustomerEmail);
        w.WriteString(N.Title, f.Title);
        w.WriteString(N.OrderId, f.OrderId);
        w.WriteString(N.Comment, f.Comment);
        w.WriteString(N.CustomerName, f.CustomerName);
        w.WriteString(N.CustomerPhone, f.CustomerPhone);
        w.WriteString(N.LogisticsChannel, f.LogisticsChannel);
        w.WriteBoolean(N.Archived, t.Archived);
        w.WriteString(N.OriginalCountry, Geography.All[t.OriginCountry].Name);
        var destination = Geography.IndexOf(f.DestinationCode);
        w.WriteString(N.DestinationCountry, Geography.All[destination >= 0 ? destination : t.DestinationCountry].Name);

        if (s.Visible > 0 && (t.Quirks & Quirks.ItemTimeLengthNull) == 0)
        {
            var span = Simulation.TimeOf(t, s.Visible - 1) - Simulation.TimeOf(t, 0);
            w.WriteNumber(N.ItemTimeLength, (span + 86399) / 86400);
        }
        else
        {
            w.WriteNull(N.ItemTimeLength);
        }
        w.WriteNumber(N.StayTimeLength, s.Visible > 0 ? Math.Max(0, now - Simulation.TimeOf(t, s.Visible - 1)) / 86400 : 0);
        w.WriteNull(N.ServiceCode);
        w.WriteNull(N.StatusInfo);
        w.WriteString(N.Substatus, s.Substatus);
        if (s.Visible > 0)
        {
            var last = t.Events[s.Visible - 1];
            w.WriteString(N.SingedBy, Narrative.SignedBy(t, Simulation.KindOf(last), Simulation.VariantOf(last)));
        }
        else
        {
            w.WriteNull(N.SingedBy);
        }

        if (route.TwoLegs)
        {
            WriteInfo(w, N.OriginInfo, route, Carriers.Get(t.Carrier), 0, route.Split);
            WriteInfo(w, N.DestinationInfo, route, Carriers.Get(t.DestinationCarrier), route.Split, s.Visible);
        }
        else
        {
            WriteInfo(w, N.OriginInfo, route, Carriers.Get(t.Carrier), 0, s.Visible);
            if ((t.Quirks & Quirks.DestinationInfoNull) != 0) w.WriteNull(N.DestinationInfo);
            else if ((t.Quirks & Quirks.DestinationInfoEmpty) != 0) w.WriteString(N.DestinationInfo, "");
            else if ((t.Quirks & Quirks.DestinationInfoAbsent) == 0) WriteInfo(w, N.DestinationInfo, route, null, 0, 0);
        }

        if (s.Visible > 0)
        {
            var newest = route.Describe(s.Visible - 1);
            var date = route.Date(buf, s.Visible - 1);
            w.WriteString(N.LastEvent, $"{newest.Description},{newest.Details},{date}");
            w.WriteString(N.LastUpdateTime, date);
        }
        else
        {
            w.WriteNull(N.LastEvent);
            w.WriteNull(N.LastUpdateTime);
        }
        w.WriteEndObject();
    }

    /// <summary>origin_info / destination_info with events [from, to), newest first.</summary>
    private static void WriteInfo(Utf8JsonWriter w, JsonEncodedText name, RouteView route, Carrier? carrier, int from, int to)
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
        w.WriteNull(N.ReferenceNumber);
        for (var m = 0; m < milestoneAt.Length; m++)
        {
            if (milestoneAt[m] >= 0) w.WriteString(N.Milestones[m], route.Date(buf, milestoneAt[m]));
            else w.WriteNull(N.Milestones[m]);
        }
        w.WriteString(N.Weblink, carrier?.Weblink);
        w.WriteString(N.Phone, carrier?.Phone);
        w.WriteString(N.CarrierCode, carrier?.Code);

        w.WriteStartArray(N.Trackinfo);
        var plain = (route.Tracking.Quirks & Quirks.NoCheckpointStatus) != 0;
        for (var i = to - 1; i >= from; i--)
        {
            var (description, details) = route.Describe(i);
            var kind = route.Kind(i);
            w.WriteStartObject();
            w.WriteString(N.Date, route.Date(buf, i));
            w.WriteString(N.StatusDescription, description);
            w.WriteString(N.Details, details);
            if (!plain)
            {
                w.WriteString(N.CheckpointStatus, Simulation.StatusOf(kind).Name());
                var sub = Simulation.SubstatusOf(kind, Simulation.VariantOf(route.Tracking.Events[i]));
                if (sub is not null) w.WriteString(N.Substatus, sub);
                var node = Simulation.MilestoneOf(kind);
                if (node >= 0) w.WriteString(N.ItemNode, N.Milestones[node]);
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
    /// <summary>Property names encoded once: a 2000-item page writes a quarter of a million of them.</summary>
    private static class N
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
