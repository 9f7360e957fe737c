using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>Reads GET /carriers and POST /carriers/detect; unknown fields are kept.</summary>
    internal static class CarrierReader
    {
        /// <summary>
        /// The most carriers a list may hold (the service lists about 1,300): the list is kept on the connection, and
        /// 60 MB of {"code":"a"} items would otherwise become millions of cached objects.
        /// </summary>
        public const int MaxCarriers = 10000;

        /// <summary>
        /// The largest carrier list read (the service's is about 300 KB): parsing 60 MB of tiny items would make the
        /// JSON reader rent hundreds of MB of metadata, which its pool then keeps.
        /// </summary>
        public const long MaxListBytes = 8 * 1024 * 1024;

        /// <exception cref="System.FormatException">The list holds more than <see cref="MaxCarriers"/> carriers.</exception>
        public static IReadOnlyList<Carrier> ReadCarriers(JsonElement data)
        {
            var carriers = new List<Carrier>();
            foreach (var item in Objects(data))
            {
                if (carriers.Count == MaxCarriers)
                    throw new System.FormatException("the list holds more than " + MaxCarriers + " carriers, far more than the service has; it is not kept.");
                var carrier = new Carrier();
                foreach (var field in item.EnumerateObject())
                {
                    var value = field.Value;
                    switch (field.Name)
                    {
                        case "name": carrier.Name = AsUserText(value); break;
                        case "code": carrier.Code = AsUserText(value); break;
                        case "phone": carrier.Phone = AsUserText(value); break;
                        case "homepage": carrier.Homepage = AsUrl(value); break;
                        case "type": carrier.Type = AsUserText(value); break;
                        case "picture": carrier.Picture = AsUrl(value); break;
                        case "country": carrier.Country = AsUserText(value); break;
                        default: carrier.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(value); break;
                    }
                }
                carriers.Add(carrier);
            }
            return carriers;
        }

        /// <summary>The candidates for <paramref name="trackingNumber"/>, most likely first as the API orders them.</summary>
        public static IReadOnlyList<DetectedCarrier> ReadDetected(JsonElement data, string trackingNumber)
        {
            var candidates = new List<DetectedCarrier>();
            foreach (var item in Objects(data))
            {
                var candidate = new DetectedCarrier { TrackingNumber = trackingNumber };
                foreach (var field in item.EnumerateObject())
                {
                    switch (field.Name)
                    {
                        case "code": candidate.CarrierCode = AsUserText(field.Value); break;
                        case "name": candidate.Name = AsUserText(field.Value); break;
                        default: candidate.AdditionalProperties[ServerText(field.Name)!] = AsPlainValue(field.Value); break;
                    }
                }
                candidates.Add(candidate);
            }
            return candidates;
        }
    }
}
