using System;
using System.Collections.Generic;
using System.Text.Json;
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
        public static Tracking ReadTracking(JsonElement item)
        {
            var tracking = new Tracking();
            if (item.ValueKind != JsonValueKind.Object) return tracking;
            JsonElement originInfo = default, destinationInfo = default;
            string? lastEvent = null;
            foreach (var field in item.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name)
                {
                    case "id": tracking.Id = AsString(value); break;
                    case "tracking_number": tracking.TrackingNumber = AsString(value); break;
                    case "carrier_code": tracking.CarrierCode = AsString(value); break;
                    case "status":
                        var statusText = AsString(value);
                        tracking.Status = TrackingStatusText.Parse(statusText);
                        if (tracking.Status == TrackingStatus.Unknown && statusText != null) tracking.AdditionalProperties["status"] = statusText;
                        break;
                    case "substatus": tracking.SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(value)); break;
                    case "track_update": tracking.TrackUpdate = AsBoolean(value); break;
                    case "created_at": tracking.CreatedAt = ApiDates.ParseInstant(AsString(value)); break;
                    case "updated_at": tracking.UpdatedAt = ApiDates.ParseInstant(AsString(value)); break;
                    case "order_create_time": tracking.OrderCreateTime = ApiDates.ParseLocal(AsString(value)); break;
                    case "title": tracking.Title = AsUserText(value); break;
                    case "order_id": tracking.OrderId = AsUserText(value); break;
                    case "comment": tracking.Comment = AsUserText(value); break;
                    case "customer_name": tracking.CustomerName = AsUserText(value); break;
                    case "customer_email": tracking.CustomerEmail = AsUserText(value); break;
                    case "customer_phone": tracking.CustomerPhone = AsUserText(value); break;
                    case "logistics_channel": tracking.LogisticsChannel = AsUserText(value); break;
                    case "archived": tracking.Archived = AsBoolean(value) ?? false; break;
                    case "original_country": tracking.OriginCountry = AsUserText(value); break;
                    case "destination_country": tracking.DestinationCountry = AsUserText(value); break;
                    case "itemTimeLength": tracking.TransitDays = AsInt32(value); break;
                    case "stayTimeLength": tracking.StayDays = AsInt32(value); break;
                    case "service_code": tracking.ServiceCode = AsUserText(value); break;
                    case "status_info": tracking.StatusInfo = AsUserText(value); break;
                    case "singed_by": tracking.SignedBy = AsUserText(value); break;
                    case "lastEvent": lastEvent = AsUserText(value); break;
                    case "lastUpdateTime": tracking.LastUpdateTime = ApiDates.ParseLocal(AsString(value)); break;
                    case "origin_info": originInfo = value; break;
                    case "destination_info": destinationInfo = value; break;
                    default: tracking.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(value); break;
                }
            }

            var events = new List<TrackingEvent>();
            tracking.Origin = ReadLeg(originInfo, TrackingLeg.Origin, tracking, events);
            tracking.Destination = ReadLeg(destinationInfo, TrackingLeg.Destination, tracking, events);
            if (events.Count > 0)
            {
                // Each leg is newest first already; merging two legs needs a sort.
                tracking.Events = new EventList<TrackingEvent>(ApiDates.NewestFirst(events, e => e.Date));
            }
            tracking.LastEvent = tracking.Events.Count > 0 ? tracking.Events[0].Text : WithoutTrailingDate(lastEvent);
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

        private static T Read<T>(ReadOnlyMemory<byte>? value, Func<JsonElement, T> read)
        {
            if (value is not { } bytes) return read(default);
            using var document = JsonDocument.Parse(bytes);
            return read(document.RootElement);
        }

        /// <summary>batch, updatemore, delete and notupdate all answer {trackings:[...], errors:[...]}.</summary>
        public static BulkResult ReadBulk(JsonElement data)
        {
            var trackings = new List<Tracking>();
            foreach (var item in RequiredList(data, "trackings")) trackings.Add(ReadTracking(item));
            var errors = new List<BulkItemError>();
            foreach (var error in RequiredList(data, "errors"))
            {
                errors.Add(new BulkItemError(
                    AsString(Property(error, "tracking_number")),
                    AsString(Property(error, "carrier_code")),
                    AsInt32(Property(error, "code")) ?? 0,
                    AsString(Property(error, "message"))));
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

        private static CarrierLeg? ReadLeg(JsonElement info, TrackingLeg leg, Tracking owner, List<TrackingEvent> events)
        {
            // origin_info / destination_info arrive as an object, "", null or not at all.
            if (info.ValueKind != JsonValueKind.Object) return null;
            var result = new CarrierLeg();
            JsonElement trackinfo = default;
            foreach (var field in info.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name)
                {
                    case "carrier_code": result.CarrierCode = AsUserText(value); break;
                    case "weblink": result.Weblink = AsUserText(value); break;
                    case "phone": result.Phone = AsUserText(value); break;
                    case "ReferenceNumber": result.ReferenceNumber = AsUserText(value); break;
                    case "ItemReceived": result.ItemReceived = ApiDates.ParseLocal(AsString(value)); break;
                    case "ItemDispatched": result.ItemDispatched = ApiDates.ParseLocal(AsString(value)); break;
                    case "DepartfromAirport": result.DepartFromAirport = ApiDates.ParseLocal(AsString(value)); break;
                    case "ArrivalfromAbroad": result.ArrivalFromAbroad = ApiDates.ParseLocal(AsString(value)); break;
                    case "CustomsClearance": result.CustomsClearance = ApiDates.ParseLocal(AsString(value)); break;
                    case "DestinationArrived": result.DestinationArrived = ApiDates.ParseLocal(AsString(value)); break;
                    case "trackinfo": trackinfo = value; break;
                }
            }
            var carrier = result.CarrierCode ?? owner.CarrierCode;
            foreach (var checkpoint in Items(trackinfo))
            {
                if (checkpoint.ValueKind != JsonValueKind.Object) continue;
                events.Add(new TrackingEvent
                {
                    TrackingNumber = owner.TrackingNumber,
                    CarrierCode = carrier,
                    Leg = leg,
                    Date = ApiDates.ParseLocal(AsString(Property(checkpoint, "Date"))),
                    Description = AsUserText(Property(checkpoint, "StatusDescription")),
                    Details = AsUserText(Property(checkpoint, "Details")),
                    CheckpointStatus = AsUserText(Property(checkpoint, "checkpoint_status")),
                    SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(Property(checkpoint, "substatus"))),
                    Milestone = AsUserText(Property(checkpoint, "ItemNode")),
                });
                result.EventCount++;
            }
            return result;
        }
    }
}
