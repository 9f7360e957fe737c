using System.Collections.Generic;
using TrackingMore.Models;
using TrackingMore.Serialization;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Dialects.V2
{
    /// <summary>The v2 tracking object's wire names (api-v2.md), as read into the models.</summary>
    internal static class V2TrackingSchema
    {
        public static readonly TrackingSchema Instance = new TrackingSchema(TrackingFields(), "origin_info", "destination_info", LegFields(), "trackinfo", CheckpointFields());

        /// <summary>batch, updatemore, delete and notupdate: {trackings:[...], errors:[{tracking_number, carrier_code, code, message}]}.</summary>
        public static readonly BulkAnswerSchema Bulk = new BulkAnswerSchema("trackings", "errors", "tracking_number", "carrier_code", "code", "message");

        private static Dictionary<string, FieldReader<Tracking>> TrackingFields()
        {
            var fields = FieldTable.Create<Tracking>();
            fields["id"] = (t, v) => t.Id = AsString(v);
            fields["tracking_number"] = (t, v) => t.TrackingNumber = AsString(v);
            fields["carrier_code"] = (t, v) => t.CarrierCode = AsString(v);
            fields["status"] = TrackingSchema.Status("status");
            fields["substatus"] = (t, v) => t.SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(v));
            fields["track_update"] = (t, v) => t.TrackUpdate = AsBoolean(v);
            fields["created_at"] = (t, v) => t.CreatedAt = ApiDates.ParseInstant(AsString(v));
            fields["updated_at"] = (t, v) => t.UpdatedAt = ApiDates.ParseInstant(AsString(v));
            fields["order_create_time"] = (t, v) => t.OrderCreateTime = ApiDates.ParseLocal(AsString(v));
            fields["title"] = (t, v) => t.Title = AsUserText(v);
            fields["order_id"] = (t, v) => t.OrderId = AsUserText(v);
            fields["comment"] = (t, v) => t.Comment = AsUserText(v);
            fields["customer_name"] = (t, v) => t.CustomerName = AsUserText(v);
            fields["customer_email"] = (t, v) => t.CustomerEmail = AsUserText(v);
            fields["customer_phone"] = (t, v) => t.CustomerPhone = AsUserText(v);
            fields["logistics_channel"] = (t, v) => t.LogisticsChannel = AsUserText(v);
            fields["archived"] = (t, v) => t.Archived = AsBoolean(v) ?? false;
            fields["original_country"] = (t, v) => t.OriginCountry = AsUserText(v);
            fields["destination_country"] = (t, v) => t.DestinationCountry = AsUserText(v);
            fields["itemTimeLength"] = (t, v) => t.TransitDays = AsInt32(v);
            fields["stayTimeLength"] = (t, v) => t.StayDays = AsInt32(v);
            fields["service_code"] = (t, v) => t.ServiceCode = AsUserText(v);
            fields["status_info"] = (t, v) => t.StatusInfo = AsUserText(v);
            fields["singed_by"] = (t, v) => t.SignedBy = AsUserText(v); // sic: the API's spelling
            fields["lastEvent"] = (t, v) => t.LastEvent = AsUserText(v);
            fields["lastUpdateTime"] = (t, v) => t.LastUpdateTime = ApiDates.ParseLocal(AsString(v));
            return fields;
        }

        private static Dictionary<string, FieldReader<CarrierLeg>> LegFields()
        {
            var fields = FieldTable.Create<CarrierLeg>();
            fields["carrier_code"] = (l, v) => l.CarrierCode = AsUserText(v);
            fields["weblink"] = (l, v) => l.Weblink = AsUserText(v);
            fields["phone"] = (l, v) => l.Phone = AsUserText(v);
            fields["ReferenceNumber"] = (l, v) => l.ReferenceNumber = AsUserText(v);
            fields["ItemReceived"] = (l, v) => l.ItemReceived = ApiDates.ParseLocal(AsString(v));
            fields["ItemDispatched"] = (l, v) => l.ItemDispatched = ApiDates.ParseLocal(AsString(v));
            fields["DepartfromAirport"] = (l, v) => l.DepartFromAirport = ApiDates.ParseLocal(AsString(v));
            fields["ArrivalfromAbroad"] = (l, v) => l.ArrivalFromAbroad = ApiDates.ParseLocal(AsString(v));
            fields["CustomsClearance"] = (l, v) => l.CustomsClearance = ApiDates.ParseLocal(AsString(v));
            fields["DestinationArrived"] = (l, v) => l.DestinationArrived = ApiDates.ParseLocal(AsString(v));
            return fields;
        }

        private static Dictionary<string, FieldReader<TrackingEvent>> CheckpointFields()
        {
            var fields = FieldTable.Create<TrackingEvent>();
            fields["Date"] = (e, v) => e.Date = ApiDates.ParseLocal(AsString(v));
            fields["StatusDescription"] = (e, v) => e.Description = AsUserText(v);
            fields["Details"] = (e, v) => e.Details = AsUserText(v);
            fields["checkpoint_status"] = (e, v) => e.CheckpointStatus = AsUserText(v);
            fields["substatus"] = (e, v) => e.SubStatus = TrackingStatusText.NormalizeSubStatus(AsString(v));
            fields["ItemNode"] = (e, v) => e.Milestone = AsUserText(v);
            return fields;
        }
    }
}
