using System.Collections.Generic;
using TrackingMore.Models;
using TrackingMore.Serialization;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Dialects.V2
{
    /// <summary>v2's carrier wire names: GET /carriers and POST /carriers/detect (api-v2.md).</summary>
    internal static class V2CarrierFields
    {
        public static readonly IReadOnlyDictionary<string, FieldReader<Carrier>> Carrier = CarrierTable();
        public static readonly IReadOnlyDictionary<string, FieldReader<DetectedCarrier>> Detected = DetectedTable();

        private static Dictionary<string, FieldReader<Carrier>> CarrierTable()
        {
            var fields = FieldTable.Create<Carrier>();
            fields["name"] = (c, v) => c.Name = AsUserText(v);
            fields["code"] = (c, v) => c.Code = AsUserText(v);
            fields["phone"] = (c, v) => c.Phone = AsUserText(v);
            fields["homepage"] = (c, v) => c.Homepage = AsUrl(v);
            fields["type"] = (c, v) => c.Type = AsUserText(v);
            fields["picture"] = (c, v) => c.Picture = AsUrl(v);
            fields["country"] = (c, v) => c.Country = AsUserText(v);
            return fields;
        }

        private static Dictionary<string, FieldReader<DetectedCarrier>> DetectedTable()
        {
            var fields = FieldTable.Create<DetectedCarrier>();
            fields["code"] = (c, v) => c.CarrierCode = AsUserText(v);
            fields["name"] = (c, v) => c.Name = AsUserText(v);
            return fields;
        }
    }
}
