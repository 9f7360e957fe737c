using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Reads v2's POST /trackings/aircargo (a list of waybills under track_number) and v4's POST /awb (one waybill under
    /// awb_number): one waybill per number asked, in the order asked; unknown fields are kept.
    /// </summary>
    internal static class AirWaybillReader
    {
        /// <summary>Matched by the number's digits; null where the answer has no entry for a number.</summary>
        /// <param name="numberField">The wire name of the waybill's number.</param>
        public static IReadOnlyList<AirWaybill?> ReadAirWaybills(JsonElement data, IReadOnlyList<string> asked, string numberField = "track_number")
        {
            var answered = new Dictionary<string, AirWaybill>();
            foreach (var entry in data.ValueKind == JsonValueKind.Object ? new[] { data } : Objects(data))
            {
                var waybill = ReadAirWaybill(entry, numberField);
                var key = AirWaybillNumbers.Key(waybill.AirWaybillNumber);
                if (!answered.ContainsKey(key)) answered[key] = waybill;
            }
            var results = new List<AirWaybill?>(asked.Count);
            foreach (var number in asked)
                results.Add(answered.TryGetValue(AirWaybillNumbers.Key(number), out var waybill) ? waybill : null);
            return results;
        }

        private static AirWaybill ReadAirWaybill(JsonElement entry, string numberField)
        {
            var waybill = new AirWaybill();
            JsonElement trackInfo = default;
            foreach (var field in entry.EnumerateObject())
            {
                var value = field.Value;
                if (field.Name == numberField)
                {
                    waybill.AirWaybillNumber = AsUserText(value);
                    continue;
                }
                switch (field.Name)
                {
                    case "weight": waybill.Weight = AsUserText(value); break;
                    case "piece": waybill.Pieces = AsInt32(value); break;
                    case "origin": waybill.Origin = AsUserText(value); break;
                    case "destination": waybill.Destination = AsUserText(value); break;
                    case "status_number": waybill.StatusNumber = AsInt32(value); break;
                    case "track_info": trackInfo = value; break;
                    default: waybill.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(value); break;
                }
            }
            var events = new List<AirWaybillEvent>();
            foreach (var item in Objects(trackInfo))
            {
                events.Add(new AirWaybillEvent
                {
                    AirWaybillNumber = waybill.AirWaybillNumber,
                    PlanDate = ApiDates.ParseLocal(AsString(Property(item, "plan_date"))),
                    ActualDate = ApiDates.ParseLocal(AsString(Property(item, "actual_date"))),
                    Event = AsUserText(Property(item, "event")),
                    Station = AsUserText(Property(item, "station")),
                    FlightNumber = AsUserText(Property(item, "flight_number")),
                });
            }
            if (events.Count > 0) waybill.Events = new EventList<AirWaybillEvent>(ApiDates.NewestFirst(events, e => e.ActualDate ?? e.PlanDate));
            return waybill;
        }
    }
}
