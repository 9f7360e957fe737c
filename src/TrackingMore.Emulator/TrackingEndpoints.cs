using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>The /trackings endpoints that create, read, change and remove trackings.</summary>
internal static class TrackingEndpoints
{
    /// <summary>POST /trackings/post: one tracking; answers the short form with meta 200.</summary>
    public static Task Create(IncomingRequest r)
    {
        var code = r.TryReadJson(out var body);
        if (code == 0 && body.ValueKind != JsonValueKind.Object) code = ApiCodes.MissingParameters;
        StoredTracking? created = null;
        if (code == 0) code = CreateOne(r, body, out created);
        return code != 0 ? r.Fail(code) : r.Reply(ApiCodes.Success, w => TrackingJson.WriteCreated(w, created!, r.Now));
    }

    /// <summary>POST /trackings/batch: up to 40; per-item failures in errors; meta 201.</summary>
    public static Task Batch(IncomingRequest r) => Bulk(r, "added", ApiCodes.Created, (JsonElement item, out StoredTracking? t) => CreateOne(r, item, out t));

    /// <summary>POST /trackings/updatemore: PUT fields for up to 40 trackings.</summary>
    public static Task UpdateMore(IncomingRequest r) =>
        Bulk(r, "updated", ApiCodes.Success, (JsonElement item, out StoredTracking? t) => Change(r, item, x => Inputs.ApplyEdits(item, x, r.Now), out t));

    /// <summary>POST /trackings/notupdate: those trackings stop moving (track_update false).</summary>
    public static Task NotUpdate(IncomingRequest r) =>
        Bulk(r, "change", ApiCodes.Success, (JsonElement item, out StoredTracking? t) => Change(r, item, x =>
        {
            if (x.TrackUpdate) x.FrozenAt = r.Now;
            return 0;
        }, out t));

    /// <summary>POST /trackings/delete: up to 40 {tracking_number, carrier_code}.</summary>
    public static Task DeleteMany(IncomingRequest r) => Bulk(r, "delete", ApiCodes.Success, (JsonElement item, out StoredTracking? t) =>
    {
        t = null;
        var code = Inputs.ReadKey(item, out var key);
        if (code != 0) return code;
        return r.Store.TryRemove(key, out t) ? 0 : ApiCodes.NotExists;
    });

    /// <summary>GET, PUT, DELETE /trackings/{carrier}/{number}[/{lang}].</summary>
    public static Task One(IncomingRequest r)
    {
        var number = r.Segments[2];
        short carrier = -1;
        var code = Inputs.CheckNumber(number);
        if (code == 0) code = Inputs.CheckCarrier(r.Segments[1], out carrier);
        if (code != 0) return r.Fail(code);
        var key = new TrackingKey(carrier, number);

        switch (r.Http.Request.Method.ToUpperInvariant())
        {
            case "GET":
                return r.Store.TryGet(key, out var found)
                    ? r.Reply(ApiCodes.Success, w => TrackingJson.WriteStored(w, found, r.Now))
                    : r.Fail(ApiCodes.NotExists);
            case "DELETE":
                return r.Store.TryRemove(key, out _) ? r.Reply(ApiCodes.Success, EmptyArray) : r.Fail(ApiCodes.NotExists);
            default: // PUT
                code = r.TryReadJson(out var body);
                if (code == 0 && body.ValueKind != JsonValueKind.Object) code = ApiCodes.MissingParameters;
                StoredTracking? changed = null;
                if (code == 0) code = r.Store.Update(key, t => Inputs.ApplyEdits(body, t, r.Now), out changed);
                return code != 0 ? r.Fail(code) : r.Reply(ApiCodes.Success, w => TrackingJson.WriteStored(w, changed!, r.Now));
        }
    }

    /// <summary>GET /trackings/get: one page, newest first (created_at descending, then id ascending).</summary>
    public static async Task List(IncomingRequest r)
    {
        if (!r.Account.TryAcceptList(r.Record.StartedTimestamp, r.State.Options.ListIntervalMs, r.State.Options.RateToleranceMs))
        {
            await r.Fail(ApiCodes.RateLimited);
            return;
        }
        var code = ListQuery.TryParse(r, out var q);
        if (code != 0)
        {
            await r.Fail(code);
            return;
        }

        var filter = q.Filter(r.Now);
        var items = ListFaults.Reshape(r.Fault, r.Store, filter, q, r.Store.Page(filter, q.Page, q.Limit, out var total));
        await r.ReplyStreaming(ApiCodes.Success, async w =>
        {
            w.WriteStartObject();
            w.WriteNumber("page", q.Page);
            w.WriteNumber("limit", q.Limit);
            if (r.Fault is not { HideTotal: true }) w.WriteString("total", total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteNumber("count", items.Length);
            w.WriteStartArray("items");
            for (var i = 0; i < items.Length; i++)
            {
                TrackingJson.WriteStored(w, items[i], r.Now);
                if (i % 250 == 249)
                {
                    // Hand what is written to the socket so a big page never sits whole in memory.
                    await w.FlushAsync();
                    await r.Http.Response.BodyWriter.FlushAsync(r.Http.RequestAborted);
                }
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET /trackings/getstatusnumber: how many trackings have each status (list filters apply).</summary>
    public static Task StatusNumber(IncomingRequest r)
    {
        var code = ListQuery.TryParse(r, out var q);
        if (code != 0) return r.Fail(code);
        var filter = q.Filter(r.Now);
        var counts = new int[StatusNames.Count];
        r.Store.ForEach(t =>
        {
            if (filter is null || filter(t)) counts[(int)Simulation.Evaluate(t, r.Now).Status]++;
        });
        return r.Reply(ApiCodes.Success, w =>
        {
            w.WriteStartObject();
            for (var s = 0; s < counts.Length; s++) w.WriteNumber(((Status)s).Name(), counts[s]);
            w.WriteEndObject();
        });
    }

    /// <summary>POST /trackings/update: moves a tracking to another carrier code.</summary>
    public static Task ChangeCarrier(IncomingRequest r)
    {
        var code = r.TryReadJson(out var body);
        var key = default(TrackingKey);
        if (code == 0) code = body.ValueKind == JsonValueKind.Object ? Inputs.ReadKey(body, out key) : ApiCodes.MissingParameters;
        short target = -1;
        if (code == 0) code = Inputs.CheckCarrier(Inputs.Text(body, "update_carrier_code"), out target);
        if (code == 0) code = r.Store.ChangeCarrier(key, target, r.Now);
        return code != 0
            ? r.Fail(code)
            : r.Reply(ApiCodes.Success, w =>
            {
                w.WriteStartObject();
                w.WriteString("Usertag", "");
                w.WriteEndObject();
            });
    }

    /// <summary>
    /// POST /trackings/realtime: the current state of one shipment, created when unknown, after asking the carrier
    /// at once (which ends the pending phase). Limits: three requests per real second per key, and the same
    /// shipment once per two simulated hours (both 429).
    /// </summary>
    public static Task Realtime(IncomingRequest r)
    {
        if (!r.Account.TryAcceptRealtime(r.Record.StartedTimestamp, r.State.Options.RateToleranceMs)) return r.Fail(ApiCodes.RateLimited);
        var code = r.TryReadJson(out var body);
        var key = default(TrackingKey);
        if (code == 0) code = body.ValueKind == JsonValueKind.Object ? Inputs.ReadKey(body, out key) : ApiCodes.MissingParameters;
        StoredTracking? t = null;
        if (code == 0 && !r.Store.TryGet(key, out t)) code = CreateOne(r, body, out t);
        if (code == 0 && !r.Account.TryAcceptShipmentRefresh(key, r.Now)) code = ApiCodes.RateLimited;
        if (code == 0) code = r.Store.Update(key, x =>
        {
            Simulation.AskCarrierNow(x, r.Now);
            return 0;
        }, out t);
        return code != 0
            ? r.Fail(code)
            : r.Reply(ApiCodes.Success, w =>
            {
                w.WriteStartObject();
                w.WriteStartArray("items");
                TrackingJson.WriteFull(w, t!, r.Now);
                w.WriteEndArray();
                w.WriteEndObject();
            });
    }

    private static void EmptyArray(Utf8JsonWriter w)
    {
        w.WriteStartArray();
        w.WriteEndArray();
    }

    /// <summary>Creates one tracking from a create object: 4013/4014/4015, 4016 when it exists, 4021 without quota.</summary>
    private static int CreateOne(IncomingRequest r, JsonElement item, out StoredTracking? created)
    {
        created = null;
        var code = Inputs.ReadKey(item, out var key);
        if (code == 0) code = Inputs.CheckTextLengths(item);
        if (code != 0) return code;
        var t = Shipments.FromApi(key.Number, key.Carrier, Inputs.ReadCreateFields(item), r.Now, r.State.Options.RandomSeed);
        if (!r.Store.TryAdd(t)) return ApiCodes.AlreadyExists;
        if (!r.Account.TryUseQuota())
        {
            r.Store.TryRemove(key, out _);
            return ApiCodes.QuotaUsedUp;
        }
        created = t;
        return 0;
    }

    /// <summary>Reads an item's key and applies <paramref name="change"/> to that tracking under the store lock.</summary>
    private static int Change(IncomingRequest r, JsonElement item, Func<StoredTracking, int> change, out StoredTracking? changed)
    {
        changed = null;
        var code = Inputs.ReadKey(item, out var key);
        return code != 0 ? code : r.Store.Update(key, change, out changed);
    }

    private delegate int ItemAction(JsonElement item, out StoredTracking? tracking);

    /// <summary>
    /// The shape every bulk call shares: <c>{submitted, &lt;countName&gt;, trackings:[summary…],
    /// errors:[{tracking_number, carrier_code, code, message}…]}</c>.
    /// </summary>
    private static Task Bulk(IncomingRequest r, string countName, int successCode, ItemAction action)
    {
        var code = r.TryReadBulk(out var items);
        if (code != 0) return r.Fail(code);

        var done = new List<StoredTracking>(items.Count);
        var errors = new List<(JsonElement Item, int Code)>();
        foreach (var item in items)
        {
            StoredTracking? t = null;
            code = item.ValueKind == JsonValueKind.Object ? action(item, out t) : ApiCodes.MissingParameters;
            if (code == 0) done.Add(t!);
            else errors.Add((item, code));
        }

        return r.Reply(successCode, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("submitted", items.Count);
            w.WriteNumber(countName, done.Count);
            w.WriteStartArray("trackings");
            foreach (var t in done) TrackingJson.WriteSummary(w, t, r.Now);
            w.WriteEndArray();
            w.WriteStartArray("errors");
            foreach (var (item, error) in errors)
            {
                w.WriteStartObject();
                w.WriteString("tracking_number", Inputs.Text(item, "tracking_number"));
                w.WriteString("carrier_code", Inputs.Text(item, "carrier_code"));
                w.WriteNumber("code", error);
                w.WriteString("message", ApiCodes.Describe(error).Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
