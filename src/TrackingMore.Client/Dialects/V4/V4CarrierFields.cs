using System.Collections.Generic;
using TrackingMore.Models;
using TrackingMore.Serialization;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// v4's courier wire names: GET /couriers/all and POST /couriers/detect answer the same objects (api-v4.md);
    /// the *_fields and country values come as a string, an array or null, and are read as one text.
    /// </summary>
    internal static class V4CarrierFields
    {
        public static readonly IReadOnlyDictionary<string, FieldReader<Carrier>> Carrier = CarrierTable();
        public static readonly IReadOnlyDictionary<string, FieldReader<DetectedCarrier>> Detected = DetectedTable();

        private static Dictionary<string, FieldReader<Carrier>> CarrierTable()
        {
            var fields = FieldTable.Create<Carrier>();
            fields["courier_name"] = (c, v) => c.Name = AsUserText(v);
            fields["courier_code"] = (c, v) => c.Code = AsUserText(v);
            fields["courier_phone"] = (c, v) => c.Phone = AsUserText(v);
            fields["courier_url"] = (c, v) => c.Homepage = AsUrl(v);
            fields["courier_type"] = (c, v) => c.Type = AsUserText(v);
            fields["courier_logo"] = (c, v) => c.Picture = AsUrl(v);
            fields["courier_country_iso2"] = (c, v) => c.Country = AsUserText(v);
            fields["tracking_required_fields"] = (c, v) => c.RequiredFields = AsUserText(v);
            fields["optional_fields"] = (c, v) => c.OptionalFields = AsUserText(v);
            fields["default_language"] = (c, v) => c.DefaultLanguage = AsUserText(v);
            fields["support_language"] = (c, v) => c.Languages = AsUserText(v);
            return fields;
        }

        private static Dictionary<string, FieldReader<DetectedCarrier>> DetectedTable()
        {
            var fields = FieldTable.Create<DetectedCarrier>();
            fields["courier_code"] = (c, v) => c.CarrierCode = AsUserText(v);
            fields["courier_name"] = (c, v) => c.Name = AsUserText(v);
            return fields;
        }
    }
}
