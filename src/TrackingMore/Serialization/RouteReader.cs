using System;
using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Reads the route endpoints (remote, costtime) into one result per place or route asked about, in the order
    /// asked: the API answers with lists of its own that have to be matched back to the question.
    /// </summary>
    internal static class RouteReader
    {
        /// <summary>
        /// remote lists only the remote places; every other place asked about is not remote. A place matches an
        /// entry by postal code (spaces and dashes aside) and country (ISO code or name, as the user gave it).
        /// </summary>
        public static IReadOnlyList<RemoteAreaResult> ReadRemoteAreas(JsonElement data, IReadOnlyList<RemoteAreaRequest> asked)
        {
            var remote = new List<JsonElement>(Objects(Property(data, "remote")));
            var results = new List<RemoteAreaResult>(asked.Count);
            foreach (var place in asked)
            {
                var result = new RemoteAreaResult { Country = place.Country, PostalCode = place.PostalCode, Carrier = place.Carrier };
                foreach (var entry in remote)
                {
                    if (!SamePostalCode(AsString(Property(entry, "far_city_postcode")), place.PostalCode)) continue;
                    var code = AsUserText(Property(entry, "two_code"));
                    var country = AsUserText(Property(entry, "far_country"));
                    if ((code ?? country) != null && !SameText(code, place.Country) && !SameText(country, place.Country)) continue;
                    result.IsRemote = true;
                    result.RemoteCarrier = AsUserText(Property(entry, "far_express_company"));
                    result.CountryCode = code;
                    break;
                }
                results.Add(result);
            }
            return results;
        }

        /// <summary>One entry per route asked about, matched by carrier, origin and destination; null where the answer has none.</summary>
        public static IReadOnlyList<TransitTime?> ReadTransitTimes(JsonElement data, IReadOnlyList<TransitTimeRequest> asked)
        {
            var answered = new List<TransitTime>();
            foreach (var entry in Objects(data)) answered.Add(ReadTransitTime(entry));
            var results = new List<TransitTime?>(asked.Count);
            foreach (var route in asked)
            {
                results.Add(answered.Find(time =>
                    SameText(time.CarrierCode, route.CarrierCode) && SameText(time.Origin, route.Origin) && SameText(time.Destination, route.Destination)));
            }
            return results;
        }

        private static TransitTime ReadTransitTime(JsonElement entry)
        {
            var time = new TransitTime();
            foreach (var field in entry.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name)
                {
                    case "carrier_code": time.CarrierCode = AsUserText(value); break;
                    case "original": time.Origin = AsUserText(value); break;
                    case "destination": time.Destination = AsUserText(value); break;
                    case "total": time.Samples = AsInt64(value); break;
                    case "delivered": time.DeliveredRatio = AsRatio(value); break;
                    case "range1": time.Within7Days = AsRatio(value); break;
                    case "range3": time.Days7To15 = AsRatio(value); break;
                    case "range4": time.Days16To30 = AsRatio(value); break;
                    case "range5": time.Days31To60 = AsRatio(value); break;
                    case "range6": time.Over60Days = AsRatio(value); break;
                    default: time.AdditionalProperties[field.Name] = AsPlainValue(value); break;
                }
            }
            return time;
        }

        private static bool SamePostalCode(string? answered, string asked) =>
            answered != null && string.Equals(Compact(answered), Compact(asked), StringComparison.OrdinalIgnoreCase);

        private static string Compact(string postalCode) => postalCode.Replace(" ", string.Empty).Replace("-", string.Empty);

        private static bool SameText(string? left, string? right) =>
            left != null && right != null && string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
