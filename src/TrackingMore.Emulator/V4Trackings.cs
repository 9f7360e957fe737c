using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>/v4/trackings/*: create (which is also the realtime call), batch, get, update, delete, retrack.</summary>
internal static class V4Trackings
{
    /// <summary>POST /trackings/create: one tracking, answered in full with its first results ("create &amp; get").</summary>
    public static Task Create(IncomingRequest r)
    {
        var code = V4Inputs.ReadBody(r, JsonValueKind.Object, out var body);
        StoredTracking? created = null;
        if (code == 0) code = CreateOne(r, body, out created, out _);
        if (code == 0)
        {
            // Create asks the carrier at once, as v2's realtime does: the answer carries results.
            r.Store.Update(created!.Key, t =>
            {
                Simulation.AskCarrierNow(t, r.Now);
                return 0;
            }, out _);
        }
        return code != 0 ? r.FailV4(code) : r.ReplyV4(w => V4Json.WriteTracking(w, created!, r.Now));
    }

    /// <summary>
    /// POST /trackings/batch: a bare array of at most 40 create objects (4103); always 200, with
    /// <c>{success:[{id, tracking_number, courier_code}], error:[{id, tracking_number, courier_code, errorCode, errorMessage}]}</c>.
    /// </summary>
    public static Task Batch(IncomingRequest r)
    {
        var code = V4Inputs.ReadBody(r, JsonValueKind.Array, out var body);
        if (code != 0) return r.FailV4(code);
        var items = body.EnumerateArray().ToList();
        if (items.Count > V4Codes.BulkLimit) return r.FailV4(V4Codes.TooMany);

        var done = new List<StoredTracking>(items.Count);
        var errors = new List<(JsonElement Item, int Code, StoredTracking? Existing)>();
        foreach (var item in items)
        {
            StoredTracking? t = null, existing = null;
            code = item.ValueKind == JsonValueKind.Object ? CreateOne(r, item, out t, out existing) : V4Codes.RequestType;
            if (code == 0) done.Add(t!);
            else errors.Add((item, code, existing));
        }

        return r.ReplyV4(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("success");
            foreach (var t in done)
            {
                w.WriteStartObject();
                V4Json.WriteIdentity(w, t);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("error");
            foreach (var (item, error, existing) in errors)
            {
                w.WriteStartObject();
                w.WriteString("id", existing is null ? null : V4Json.Id(existing));
                w.WriteString("tracking_number", Inputs.Text(item, "tracking_number"));
                w.WriteString("courier_code", Inputs.Text(item, "courier_code"));
                w.WriteNumber("errorCode", error);
                w.WriteString("errorMessage", V4Codes.Message(error));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>GET /trackings/get: a plain array, newest created first; ends on an empty page.</summary>
    public static async Task List(IncomingRequest r)
    {
        var code = V4ListQuery.TryParse(r.Http.Request.Query, out var q);
        if (code != 0)
        {
            await r.FailV4(code);
            return;
        }
        var filter = q.Filter(r.Now);
        var items = ListFaults.Reshape(r.Fault, r.Store, filter, q.Page, q.Limit, r.Store.Page(filter, q.Page, q.Limit, out _));
        await V4Codes.WriteStreamingAsync(r, async w =>
        {
            w.WriteStartArray();
            for (var i = 0; i < items.Length; i++)
            {
                V4Json.WriteTracking(w, items[i], r.Now);
                if (i % 50 == 49) await V4Codes.FlushAsync(r, w);
            }
            w.WriteEndArray();
        });
    }

    /// <summary>PUT /trackings/update/{id}: the editable fields, courier_code_new, archived_status; answers an echo.</summary>
    public static Task Update(IncomingRequest r)
    {
        if (!V4Inputs.TryParseId(r.Segments[2], out var id)) return r.FailV4(V4Codes.InvalidId);
        var code = V4Inputs.ReadBody(r, JsonValueKind.Object, out var body);
        if (code != 0) return r.FailV4(code);

        short before = -1;
        var changed = false;
        if (!r.Store.TryUpdate(id, t =>
            {
                var fields = t.Fields ?? SeedProfile.Fields(t);
                var c = V4Inputs.ReadFields(body, ref fields);
                if (c != 0) return c;
                if (V4Inputs.Text(body, "archived_status", out var archived) != 0) return V4Codes.InvalidField;
                if (archived is not (null or "tracking" or "archived")) return V4Codes.InvalidField;
                c = V4Inputs.CheckCourier(body, "courier_code_new", out var courier);
                if (c != 0) return c;

                before = t.Carrier;
                if (courier >= 0 && courier != t.Carrier)
                {
                    if (r.Store.ChangeCarrier(t.Key, courier, r.Now) != 0) return V4Codes.AlreadyExists;
                    changed = true;
                }
                t.Fields = fields;
                if (archived is not null) t.Archived = archived == "archived";
                t.EditedAt = r.Now;
                return 0;
            }, out code, out var tracking))
            return r.FailV4(V4Codes.InvalidId);
        if (code != 0) return r.FailV4(code);

        return r.ReplyV4(w =>
        {
            var f = tracking!.Fields!;
            w.WriteStartObject();
            w.WriteString("id", V4Json.Id(tracking));
            w.WriteString("tracking_number", tracking.Number);
            w.WriteString("courier_code", Carriers.Get(before).Code);
            w.WriteString("courier_code_new", changed ? Carriers.Get(tracking.Carrier).Code : null);
            foreach (var (name, value) in V4Inputs.EditableValues(f)) w.WriteString(name, value);
            w.WriteString("archived_status", tracking.Archived ? "archived" : "tracking");
            w.WriteEndObject();
        });
    }

    /// <summary>DELETE /trackings/delete/{id}: <c>{id, tracking_number, courier_code}</c>.</summary>
    public static Task Delete(IncomingRequest r)
    {
        if (!V4Inputs.TryParseId(r.Segments[2], out var id) || !r.Store.TryGet(id, out var t) || !r.Store.TryRemove(t.Key, out _))
            return r.FailV4(V4Codes.InvalidId);
        return r.ReplyV4(w =>
        {
            w.WriteStartObject();
            V4Json.WriteIdentity(w, t);
            w.WriteEndObject();
        });
    }

    /// <summary>
    /// POST /trackings/retrack/{id}: only an expired tracking (else 4113). It answers the full tracking, still
    /// expired until the carrier has news, with <c>updating: true</c> and <c>update_at</c> now.
    /// </summary>
    public static Task Retrack(IncomingRequest r)
    {
        if (!V4Inputs.TryParseId(r.Segments[2], out var id)) return r.FailV4(V4Codes.InvalidId);
        if (!r.Store.TryUpdate(id, t =>
            {
                if (Simulation.Evaluate(t, r.Now).Status != Status.Expired) return V4Codes.RetrackNotAllowed;
                t.RetrackedAt = r.Now;
                t.EditedAt = r.Now;
                return 0;
            }, out var code, out var tracking))
            return r.FailV4(V4Codes.InvalidId);
        return code != 0 ? r.FailV4(code) : r.ReplyV4(w => V4Json.WriteTracking(w, tracking!, r.Now));
    }

    /// <summary>
    /// One create object: 4111/4110 number, 4120 courier, 4130 a field, 4122 the courier's special fields, 4101 when
    /// it exists (<paramref name="existing"/> is that tracking), 4190 without quota. The account's quota is shared
    /// with v2: one account behind both versions.
    /// </summary>
    private static int CreateOne(IncomingRequest r, JsonElement item, out StoredTracking? created, out StoredTracking? existing)
    {
        created = existing = null;
        var code = V4Inputs.ReadKey(item, out var key);
        if (code != 0) return code;
        var fields = new TrackingFields();
        code = V4Inputs.ReadFields(item, ref fields);
        if (code == 0 && V4Inputs.Text(item, "auto_correct", out _) != 0) code = V4Codes.InvalidField;
        if (code == 0) code = V4Lookups.CheckRequiredFields(key.Carrier, fields);
        if (code != 0) return code;

        var t = Shipments.FromApi(key.Number, key.Carrier, fields, r.Now, r.State.Options.RandomSeed);
        if (!r.Store.TryAdd(t))
        {
            r.Store.TryGet(key, out existing!);
            return V4Codes.AlreadyExists;
        }
        if (!r.Account.TryUseQuota())
        {
            r.Store.TryRemove(key, out _);
            return V4Codes.QuotaUsedUp;
        }
        created = t;
        return 0;
    }
}
