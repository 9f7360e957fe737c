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
        /// remote lists the remote places, one entry per carrier that counts a place as remote; other lists the places
        /// the service could not check, with a message. Every other place asked about is not remote. An entry is
        /// about a place when it has the same postal code (spaces and dashes aside), the same country (by ISO code
        /// or name, as the user gave it) and, when the user named a carrier, that carrier.
        /// </summary>
        /// <param name="redact">The connection's redaction, for the service's own words about a place it could not check.</param>
        public static IReadOnlyList<RemoteAreaResult> ReadRemoteAreas(JsonElement data, IReadOnlyList<RemoteAreaRequest> asked, Func<string?, string> redact)
        {
            var remote = new List<JsonElement>(Objects(Property(data, "remote")));
            var other = new List<JsonElement>(Objects(Property(data, "other")));
            var results = new List<RemoteAreaResult>(asked.Count);
            foreach (var place in asked)
            {
                var result = new RemoteAreaResult { Country = place.Country, PostalCode = place.PostalCode, Carrier = place.Carrier };
                var carriers = new List<string>();
                foreach (var entry in remote)
                {
                    var code = AsUserText(Property(entry, "two_code"));
                    var carrier = AsUserText(Property(entry, "far_express_company"));
                    if (!SamePostalCode(AsString(Property(entry, "far_city_postcode")), place.PostalCode) ||
                        !SameCountry(place.Country, code, AsUserText(Property(entry, "far_country"))) ||
                        (place.Carrier != null && carrier != null && !SameText(carrier, place.Carrier)))
                        continue;
                    result.IsRemote = true;
                    result.CountryCode = code;
                    if (carrier != null && !carriers.Contains(carrier)) carriers.Add(carrier);
                }
                if (carriers.Count > 0) result.RemoteCarrier = string.Join(", ", carriers);
                if (!result.IsRemote && Refusal(other, place) is string refusal) result.Refusal = redact(refusal);
                results.Add(result);
            }
            return results;
        }

        /// <summary>The message of the other entry about this place, if the service could not check it.</summary>
        private static string? Refusal(List<JsonElement> other, RemoteAreaRequest place)
        {
            foreach (var entry in other)
            {
                if (SamePostalCode(AsString(Property(entry, "postcode")), place.PostalCode) &&
                    SameCountry(place.Country, AsUserText(Property(entry, "country"))))
                    return AsUserText(Property(entry, "message")) ?? "the service could not check this place";
            }
            return null;
        }

        /// <summary>The user names a country by ISO code or by name; an entry that names it neither way matches any.</summary>
        private static bool SameCountry(string asked, params string?[] answered)
        {
            var named = false;
            foreach (var name in answered)
            {
                if (name == null) continue;
                if (SameText(name, asked)) return true;
                named = true;
            }
            return !named;
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
            JsonElement delivered = default;
            foreach (var field in entry.EnumerateObject())
            {
                var value = field.Value;
                switch (field.Name)
                {
                    case "carrier_code": time.CarrierCode = AsUserText(value); break;
                    case "original": time.Origin = AsUserText(value); break;
                    case "destination": time.Destination = AsUserText(value); break;
                    case "total": time.Samples = AsInt64(value); break;
                    case "delivered": delivered = value; break;
                    case "range1": time.Within7Days = AsRatio(value); break;
                    case "range3": time.Days7To15 = AsRatio(value); break;
                    case "range4": time.Days16To30 = AsRatio(value); break;
                    case "range5": time.Days31To60 = AsRatio(value); break;
                    case "range6": time.Over60Days = AsRatio(value); break;
                    default: time.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(value); break;
                }
            }
            time.DeliveredRatio = DeliveredShare(delivered, time.Samples);
            return time;
        }

        /// <summary>
        /// delivered is a share like the ranges ("95%", 0.95) or, as the spec leaves open, a count of the samples
        /// (4750 of 5000): a number above 1 is a count, turned into a share of <paramref name="samples"/>.
        /// </summary>
        private static double? DeliveredShare(JsonElement delivered, long? samples)
        {
            var share = AsRatio(delivered);
            if (share is not > 1) return share;
            return samples is > 0 ? share / samples.Value : null;
        }

        private static bool SamePostalCode(string? answered, string asked) =>
            answered != null && string.Equals(Compact(answered), Compact(asked), StringComparison.OrdinalIgnoreCase);

        private static string Compact(string postalCode) => postalCode.Replace(" ", string.Empty).Replace("-", string.Empty);

        private static bool SameText(string? left, string? right) =>
            left != null && right != null && string.Equals(left.Trim(), right.Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
