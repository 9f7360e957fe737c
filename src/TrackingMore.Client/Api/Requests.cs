using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>
    /// What both creating a tracking and asking the carrier in real time may send besides the number: the details
    /// some carriers need to find the shipment, the order time and the language of the events. Unset fields are not sent.
    /// </summary>
    public abstract class ShipmentDetails : TrackingIdentity
    {
        protected ShipmentDetails(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        [JsonPropertyName("destination_code")] public string? DestinationCode { get; set; }

        /// <summary>The day the shipment left; sent as "yyyyMMdd".</summary>
        [JsonPropertyName("tracking_ship_date")]
        [JsonConverter(typeof(ApiDayConverter))]
        public DateTime? ShipDate { get; set; }

        [JsonPropertyName("tracking_postal_code")] public string? PostalCode { get; set; }
        [JsonPropertyName("tracking_account_number")] public string? AccountNumber { get; set; }

        /// <summary>When the order was placed, on the shop's clock; sent as "yyyy-MM-dd HH:mm", as the API prints it back.</summary>
        [JsonPropertyName("order_create_time")]
        [JsonConverter(typeof(ApiLocalTimeConverter))]
        public DateTime? OrderCreateTime { get; set; }

        [JsonPropertyName("lang")] public string? Language { get; set; }
    }

    /// <summary>The body of POST /trackings/post and one item of /trackings/batch. Unset fields are not sent.</summary>
    public sealed class NewTrackingRequest : ShipmentDetails
    {
        public NewTrackingRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("logistics_channel")] public string? LogisticsChannel { get; set; }
        [JsonPropertyName("customer_name")] public string? CustomerName { get; set; }
        [JsonPropertyName("customer_email")] public string? CustomerEmail { get; set; }
        [JsonPropertyName("customer_phone")] public string? CustomerPhone { get; set; }
        [JsonPropertyName("order_id")] public string? OrderId { get; set; }
        [JsonPropertyName("tracking_destination_country")] public string? DestinationCountry { get; set; }

        /// <summary>1 tells the service never to re-guess the carrier.</summary>
        [JsonPropertyName("auto_correct")] public int? AutoCorrect { get; set; }

        [JsonPropertyName("comment")] public string? Comment { get; set; }
    }

    /// <summary>The statuses a user may set by hand (PUT /trackings/{carrier}/{number}); the values are what the API takes.</summary>
    public enum TrackingStatusChange
    {
        Delivered = 4,
        Exception = 7,

        /// <summary>Back to the status the carrier's checkpoints give.</summary>
        Restore = 8,
    }

    /// <summary>
    /// What Set-Tracking changes: one item of /trackings/updatemore, and (without the identity, which the path
    /// carries) the body of PUT /trackings/{carrier}/{number}. Unset fields are not sent.
    /// </summary>
    public sealed class TrackingUpdateRequest : TrackingIdentity
    {
        public TrackingUpdateRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("logistics_channel")] public string? LogisticsChannel { get; set; }
        [JsonPropertyName("customer_name")] public string? CustomerName { get; set; }
        [JsonPropertyName("customer_email")] public string? CustomerEmail { get; set; }
        [JsonPropertyName("customer_phone")] public string? CustomerPhone { get; set; }
        [JsonPropertyName("order_id")] public string? OrderId { get; set; }
        [JsonPropertyName("destination_code")] public string? DestinationCode { get; set; }

        /// <summary>Sent as the strings "true"/"false", which is what the API takes here.</summary>
        [JsonPropertyName("archived")]
        [JsonConverter(typeof(BooleanAsStringConverter))]
        public bool? Archived { get; set; }

        /// <summary>Sent as the API's number (4, 7, 8).</summary>
        [JsonPropertyName("status")] public TrackingStatusChange? Status { get; set; }
    }

    /// <summary>The body of POST /trackings/update: the tracking, and the carrier it moves to.</summary>
    public sealed class CarrierChangeRequest : TrackingIdentity
    {
        public CarrierChangeRequest(string trackingNumber, string carrierCode, string newCarrierCode) : base(trackingNumber, carrierCode) =>
            NewCarrierCode = newCarrierCode;

        [JsonPropertyName("update_carrier_code")] public string NewCarrierCode { get; }
    }

    /// <summary>The body of POST /trackings/realtime. Unset fields are not sent.</summary>
    public sealed class RealtimeTrackingRequest : ShipmentDetails
    {
        public RealtimeTrackingRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        /// <summary>The destination country some carriers need for special numbers.</summary>
        [JsonPropertyName("specialNumberDestination")] public string? SpecialNumberDestination { get; set; }

        /// <summary>The order number.</summary>
        [JsonPropertyName("order")] public string? Order { get; set; }
    }

    /// <summary>The body of POST /carriers/detect.</summary>
    internal sealed class CarrierDetectionRequest
    {
        public CarrierDetectionRequest(string trackingNumber) => TrackingNumber = trackingNumber;

        [JsonPropertyName("tracking_number")] public string TrackingNumber { get; }
    }

    /// <summary>One place of POST /trackings/remote: a country (name or ISO code), a postal code or city, and optionally a carrier.</summary>
    public sealed class RemoteAreaRequest
    {
        public RemoteAreaRequest(string country, string postalCode, string? carrier)
        {
            Country = country;
            PostalCode = postalCode;
            Carrier = carrier;
        }

        [JsonPropertyName("country")] public string Country { get; }
        [JsonPropertyName("postcode")] public string PostalCode { get; }
        [JsonPropertyName("company")] public string? Carrier { get; }

        public override string ToString() => PostalCode + " " + Country + (Carrier == null ? string.Empty : " (" + Carrier + ")");
    }

    /// <summary>One route of POST /trackings/costtime: a carrier between two countries given by ISO code.</summary>
    public sealed class TransitTimeRequest
    {
        public TransitTimeRequest(string carrierCode, string origin, string destination)
        {
            CarrierCode = carrierCode;
            Origin = origin;
            Destination = destination;
        }

        [JsonPropertyName("carrier_code")] public string CarrierCode { get; }
        [JsonPropertyName("original")] public string Origin { get; }
        [JsonPropertyName("destination")] public string Destination { get; }

        public override string ToString() => CarrierCode + " " + Origin + "->" + Destination;
    }

    /// <summary>The body of POST /trackings/aircargo.</summary>
    internal sealed class AirWaybillRequest
    {
        public AirWaybillRequest(IReadOnlyList<string> numbers, string? language)
        {
            Numbers = numbers;
            Language = language;
        }

        [JsonPropertyName("track_number")] public IReadOnlyList<string> Numbers { get; }
        [JsonPropertyName("lang")] public string? Language { get; }
    }
}
