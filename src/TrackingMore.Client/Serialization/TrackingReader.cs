using System;
using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Dialects.V2;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Turns the API's tracking objects into <see cref="Tracking"/>. One pass over each object's properties;
    /// every field tolerates the loose types of the live service, and fields it does not know are kept.
    /// </summary>
    internal static class TrackingReader
    {
        public static Tracking ReadTracking(JsonElement item) => ReadTracking(item, V2TrackingSchema.Instance);

        public static Tracking ReadTracking(JsonElement item, TrackingSchema schema)
        {
            var tracking = new Tracking();
            if (item.ValueKind != JsonValueKind.Object) return tracking;
            JsonElement originInfo = default, destinationInfo = default;
            foreach (var field in item.EnumerateObject())
            {
                if (schema.TrackingFields.TryGetValue(field.Name, out var read)) read(tracking, field.Value);
                else if (field.Name == schema.OriginInfo) originInfo = field.Value;
                else if (field.Name == schema.DestinationInfo) destinationInfo = field.Value;
                else tracking.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(field.Value);
            }

            var events = new List<TrackingEvent>();
            tracking.Origin = ReadLeg(originInfo, TrackingLeg.Origin, schema, tracking, events);
            tracking.Destination = ReadLeg(destinationInfo, TrackingLeg.Destination, schema, tracking, events);
            if (events.Count > 0)
            {
                // Each leg is newest first already; merging two legs needs a sort.
                tracking.Events = new EventList<TrackingEvent>(ApiDates.NewestFirst(events, e => e.Date));
            }
            tracking.LastEvent = tracking.Events.Count > 0 ? tracking.Events[0].Text : WithoutTrailingDate(tracking.LastEvent);
            return tracking;
        }

        /// <summary>
        /// The API's lastEvent is "description,details,date"; details may hold commas, so the words are taken from the
        /// newest event when there is one, and otherwise only a trailing date (which LastUpdateTime holds) is cut off.
        /// </summary>
        private static string? WithoutTrailingDate(string? lastEvent)
        {
            var comma = lastEvent?.LastIndexOf(',') ?? -1;
            return comma > 0 && ApiDates.IsLocalTimeText(lastEvent!.Substring(comma + 1)) ? lastEvent.Substring(0, comma) : lastEvent;
        }

        /// <summary>A single tracking may come bare or, from some endpoints (realtime), wrapped as {items:[...]} or [...].</summary>
        public static Tracking ReadSingle(JsonElement data)
        {
            foreach (var item in Items(Property(data, "items"))) return ReadTracking(item);
            foreach (var item in Items(data)) return ReadTracking(item);
            return ReadTracking(data);
        }

        /// <summary>
        /// A page from the bytes of its data, each item parsed on its own (see <see cref="JsonSlices"/>): no document
        /// over the whole page is built. Its list follows the rules of <see cref="HasList"/>.
        /// </summary>
        public static TrackingPage ReadPage(ReadOnlyMemory<byte>? data, int requestedPage, int requestedLimit, DateTimeOffset? serverTime = null)
        {
            var members = new ReadOnlyMemory<byte>?[4];
            var items = new List<Tracking>();
            if (HasList(JsonSlices.Kind(data), JsonSlices.IsEmptyArray(data),
                    () => JsonSlices.Kind((members = JsonSlices.Members(data!.Value, "page", "limit", "total", "items"))[3]), "items"))
            {
                foreach (var item in JsonSlices.Elements(members[3]!.Value)) items.Add(Read(item, ReadTracking));
            }
            return new TrackingPage(
                Read(members[0], AsInt32) ?? requestedPage,
                Read(members[1], AsInt32) ?? requestedLimit,
                Read(members[2], AsInt64),
                items,
                serverTime);
        }

        /// <summary>
        /// A page that is a plain array of trackings (v4's list: no page, limit or total), each item parsed on its own
        /// in <paramref name="schema"/>'s spelling. Data null means none; any other kind is refused, since reading on
        /// would end a listing early.
        /// </summary>
        public static TrackingPage ReadArrayPage(ReadOnlyMemory<byte>? data, int requestedPage, int requestedLimit, TrackingSchema schema, DateTimeOffset? serverTime)
        {
            var items = new List<Tracking>();
            var kind = JsonSlices.Kind(data);
            if (kind == JsonValueKind.Array)
            {
                foreach (var item in JsonSlices.Elements(data!.Value)) items.Add(Read(item, element => ReadTracking(element, schema)));
            }
            else if (kind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            {
                throw new FormatException("data is " + Describe(kind) + ", not a list of trackings.");
            }
            return new TrackingPage(requestedPage, requestedLimit, null, items, serverTime);
        }

        private static T Read<T>(ReadOnlyMemory<byte>? value, Func<JsonElement, T> read)
        {
            if (value is not { } bytes) return read(default);
            using var document = JsonDocument.Parse(bytes);
            return read(document.RootElement);
        }

        /// <summary>v2's batch, updatemore, delete and notupdate all answer {trackings:[...], errors:[...]}.</summary>
        public static BulkResult ReadBulk(JsonElement data) => ReadBulk(data, V2TrackingSchema.Instance, V2TrackingSchema.Bulk);

        /// <summary>A bulk answer: the trackings done, in <paramref name="schema"/>'s spelling, and the items refused.</summary>
        public static BulkResult ReadBulk(JsonElement data, TrackingSchema schema, BulkAnswerSchema answer)
        {
            var trackings = new List<Tracking>();
            foreach (var item in RequiredList(data, answer.Done)) trackings.Add(ReadTracking(item, schema));
            var errors = new List<BulkItemError>();
            foreach (var error in RequiredList(data, answer.Refused))
            {
                errors.Add(new BulkItemError(
                    AsString(Property(error, answer.TrackingNumber)),
                    AsString(Property(error, answer.CarrierCode)),
                    AsInt32(Property(error, answer.Code)) ?? 0,
                    AsString(Property(error, answer.Message))));
            }
            return new BulkResult(trackings, errors);
        }

        /// <summary>The list named <paramref name="name"/> of a whole answer's data (see <see cref="HasList"/>).</summary>
        private static IEnumerable<JsonElement> RequiredList(JsonElement data, string name) =>
            HasList(data.ValueKind, data.ValueKind == JsonValueKind.Array && data.GetArrayLength() == 0, () => Property(data, name).ValueKind, name)
                ? Items(Property(data, name))
                : Items(default);

        /// <summary>
        /// Whether the data holds the list a whole answer is about. Absent, null, or data null or <c>[]</c> mean
        /// "none"; any other kind means the answer is not what the API sends, and reading on would silently lose
        /// items (a paging loop would stop early).
        /// </summary>
        /// <param name="list">The list's kind, asked only when the data is an object.</param>
        /// <exception cref="FormatException">The data or the list is of another kind.</exception>
        private static bool HasList(JsonValueKind data, bool dataIsEmptyArray, Func<JsonValueKind> list, string name)
        {
            if (data is JsonValueKind.Null or JsonValueKind.Undefined || dataIsEmptyArray) return false;
            if (data != JsonValueKind.Object) throw new FormatException("data is " + Describe(data) + ", not an object with '" + name + "'.");
            var kind = list();
            if (kind is JsonValueKind.Undefined or JsonValueKind.Null) return false;
            if (kind == JsonValueKind.Array) return true;
            throw new FormatException("'" + name + "' is " + Describe(kind) + ", not a list.");
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Undefined => "missing",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "a list",
            _ => "null",
        };

        private static CarrierLeg? ReadLeg(JsonElement info, TrackingLeg leg, TrackingSchema schema, Tracking owner, List<TrackingEvent> events)
        {
            // origin_info / destination_info arrive as an object, "", null or not at all.
            if (info.ValueKind != JsonValueKind.Object) return null;
            var result = new CarrierLeg();
            JsonElement checkpoints = default;
            foreach (var field in info.EnumerateObject())
            {
                if (schema.LegFields.TryGetValue(field.Name, out var read)) read(result, field.Value);
                else if (field.Name == schema.LegCheckpoints) checkpoints = field.Value;
            }
            var carrier = result.CarrierCode ?? owner.CarrierCode;
            foreach (var checkpoint in Items(checkpoints))
            {
                if (checkpoint.ValueKind != JsonValueKind.Object) continue;
                var trackingEvent = new TrackingEvent { TrackingNumber = owner.TrackingNumber, CarrierCode = carrier, Leg = leg };
                foreach (var field in checkpoint.EnumerateObject())
                    if (schema.CheckpointFields.TryGetValue(field.Name, out var read)) read(trackingEvent, field.Value);
                events.Add(trackingEvent);
                result.EventCount++;
            }
            return result;
        }
    }
}
