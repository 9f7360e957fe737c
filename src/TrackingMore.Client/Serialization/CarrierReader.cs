using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Dialects.V2;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>Reads a version's carrier list and detection answer with its field tables; unknown fields are kept.</summary>
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

        /// <summary>v2's GET /carriers.</summary>
        public static IReadOnlyList<Carrier> ReadCarriers(JsonElement data) => ReadCarriers(data, V2CarrierFields.Carrier);

        /// <exception cref="System.FormatException">The list holds more than <see cref="MaxCarriers"/> carriers.</exception>
        public static IReadOnlyList<Carrier> ReadCarriers(JsonElement data, IReadOnlyDictionary<string, FieldReader<Carrier>> fields)
        {
            var carriers = new List<Carrier>();
            foreach (var item in Objects(data))
            {
                if (carriers.Count == MaxCarriers)
                    throw new System.FormatException("the list holds more than " + MaxCarriers + " carriers, far more than the service has; it is not kept.");
                var carrier = new Carrier();
                FieldTable.Fill(item, fields, carrier, carrier.AdditionalProperties);
                carriers.Add(carrier);
            }
            return carriers;
        }

        /// <summary>v2's POST /carriers/detect.</summary>
        public static IReadOnlyList<DetectedCarrier> ReadDetected(JsonElement data, string trackingNumber) =>
            ReadDetected(data, trackingNumber, V2CarrierFields.Detected);

        /// <summary>The candidates for <paramref name="trackingNumber"/>, most likely first as the API orders them.</summary>
        public static IReadOnlyList<DetectedCarrier> ReadDetected(JsonElement data, string trackingNumber, IReadOnlyDictionary<string, FieldReader<DetectedCarrier>> fields)
        {
            var candidates = new List<DetectedCarrier>();
            foreach (var item in Objects(data))
            {
                var candidate = new DetectedCarrier { TrackingNumber = trackingNumber };
                FieldTable.Fill(item, fields, candidate, candidate.AdditionalProperties);
                candidates.Add(candidate);
            }
            return candidates;
        }
    }
}
