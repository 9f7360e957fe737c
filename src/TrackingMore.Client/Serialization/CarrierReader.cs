using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>Reads GET /carriers and POST /carriers/detect; unknown fields are kept.</summary>
    internal static class CarrierReader
    {
        public static IReadOnlyList<Carrier> ReadCarriers(JsonElement data)
        {
            var carriers = new List<Carrier>();
            foreach (var item in Objects(data))
            {
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
                        default: carrier.AdditionalProperties[field.Name] = AsPlainValue(value); break;
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
                        default: candidate.AdditionalProperties[field.Name] = AsPlainValue(field.Value); break;
                    }
                }
                candidates.Add(candidate);
            }
            return candidates;
        }
    }
}
