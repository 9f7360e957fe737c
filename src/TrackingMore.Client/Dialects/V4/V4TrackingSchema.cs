using System;
using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Models;
using TrackingMore.Serialization;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// The v4 tracking object's wire names (api-v4.md, "The v4 tracking object" and its v2 → v4 renames), read into the
    /// same models as v2's, so a script sees one shape whichever version the connection speaks. Fields with no
    /// property yet (order_number, label, source, updating, ...) are kept in AdditionalProperties under their wire names.
    /// </summary>
    internal static class V4TrackingSchema
    {
        public static readonly TrackingSchema Instance = new TrackingSchema(TrackingFields(), "origin_info", "destination_info", LegFields(), "trackinfo", CheckpointFields());

        /// <summary>
        /// Batch create: {success:[{id, tracking_number, courier_code}], error:[{id, tracking_number, courier_code,
        /// errorCode, errorMessage}]}, ids only and camelCase error fields.
        /// </summary>
        public static readonly BulkAnswerSchema Bulk = new BulkAnswerSchema("success", "error", "tracking_number", "courier_code", "errorCode", "errorMessage");

        private static Dictionary<string, FieldReader<Tracking>> TrackingFields()
        {
            var fields = FieldTable.Create<Tracking>();
            fields["id"] = (t, v) => t.Id = AsString(v);
            fields["tracking_number"] = (t, v) => t.TrackingNumber = AsString(v);
            fields["courier_code"] = (t, v) => t.CarrierCode = AsString(v);
            fields["delivery_status"] = TrackingSchema.Status("delivery_status");
            fields["substatus"] = (t, v) => t.SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(v));
            fields["created_at"] = (t, v) => t.CreatedAt = ApiDates.ParseInstant(AsString(v));
            fields["update_at"] = (t, v) => t.UpdatedAt = ApiDates.ParseInstant(AsString(v)); // sic: v4's spelling
            fields["order_date"] = (t, v) => t.OrderCreateTime = ApiDates.ParseLocal(AsString(v));
            fields["title"] = (t, v) => t.Title = AsUserText(v);
            fields["order_id"] = (t, v) => t.OrderId = AsUserText(v);
            fields["note"] = (t, v) => t.Comment = AsUserText(v);
            fields["customer_name"] = (t, v) => t.CustomerName = AsUserText(v);
            fields["customer_email"] = (t, v) => t.CustomerEmail = AsUserText(v);
            fields["customer_sms"] = (t, v) => t.CustomerPhone = AsUserText(v);
            fields["logistics_channel"] = (t, v) => t.LogisticsChannel = AsUserText(v);
            fields["archived"] = (t, v) => t.Archived = IsArchived(v);
            fields["origin_country"] = (t, v) => t.OriginCountry = AsUserText(v);
            fields["destination_country"] = (t, v) => t.DestinationCountry = AsUserText(v);
            fields["transit_time"] = (t, v) => t.TransitDays = AsInt32(v);
            fields["service_code"] = (t, v) => t.ServiceCode = AsUserText(v);
            fields["status_info"] = (t, v) => t.StatusInfo = AsUserText(v);
            fields["signed_by"] = (t, v) => t.SignedBy = AsUserText(v);
            // "detail, location, date": the reader cuts the date off as it does v2's "description,details,date".
            fields["latest_event"] = (t, v) => t.LastEvent = AsUserText(v);
            fields["latest_checkpoint_time"] = (t, v) => t.LastUpdateTime = ApiDates.ParseLocal(AsString(v));
            return fields;
        }

        /// <summary>v4 says <c>"archived"</c> or <c>"tracking"</c> where v2 has a boolean; a boolean is read too.</summary>
        private static bool IsArchived(JsonElement value) =>
            value.ValueKind == JsonValueKind.String
                ? string.Equals(value.GetString(), "archived", StringComparison.OrdinalIgnoreCase)
                : AsBoolean(value) ?? false;

        private static Dictionary<string, FieldReader<CarrierLeg>> LegFields()
        {
            var fields = FieldTable.Create<CarrierLeg>();
            fields["courier_code"] = (l, v) => l.CarrierCode = AsUserText(v);
            fields["weblink"] = (l, v) => l.Weblink = AsUserText(v);
            fields["courier_phone"] = (l, v) => l.Phone = AsUserText(v);
            fields["reference_number"] = (l, v) => l.ReferenceNumber = AsUserText(v);
            fields["pickup_date"] = (l, v) => l.ItemReceived = ApiDates.ParseLocal(AsString(v));
            fields["departed_airport_date"] = (l, v) => l.DepartFromAirport = ApiDates.ParseLocal(AsString(v));
            fields["arrived_abroad_date"] = (l, v) => l.ArrivalFromAbroad = ApiDates.ParseLocal(AsString(v));
            fields["customs_received_date"] = (l, v) => l.CustomsClearance = ApiDates.ParseLocal(AsString(v));
            fields["arrived_destination_date"] = (l, v) => l.DestinationArrived = ApiDates.ParseLocal(AsString(v));
            return fields;
        }

        private static Dictionary<string, FieldReader<TrackingEvent>> CheckpointFields()
        {
            var fields = FieldTable.Create<TrackingEvent>();
            fields["checkpoint_date"] = (e, v) => e.Date = ApiDates.ParseLocal(AsString(v));
            fields["tracking_detail"] = (e, v) => e.Description = AsUserText(v);
            fields["location"] = (e, v) => e.Details = AsUserText(v);
            fields["checkpoint_delivery_status"] = (e, v) => e.CheckpointStatus = AsUserText(v);
            fields["checkpoint_delivery_substatus"] = (e, v) => e.SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(v));
            return fields;
        }
    }
}
