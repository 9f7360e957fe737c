using System.Text.Json.Serialization;

namespace TrackingMore.Api
{
    /// <summary>A shipment as the API names it: the pair every per-tracking endpoint needs.</summary>
    public class TrackingIdentity
    {
        public TrackingIdentity(string trackingNumber, string carrierCode)
        {
            TrackingNumber = trackingNumber;
            CarrierCode = carrierCode;
        }

        [JsonPropertyName("tracking_number")] public string TrackingNumber { get; }
        [JsonPropertyName("carrier_code")] public string CarrierCode { get; }

        public override string ToString() => TrackingNumber + " (" + CarrierCode + ")";
    }

    /// <summary>The body of POST /trackings/post and one item of /trackings/batch. Unset fields are not sent.</summary>
    public sealed class NewTrackingRequest : TrackingIdentity
    {
        public NewTrackingRequest(string trackingNumber, string carrierCode) : base(trackingNumber, carrierCode)
        {
        }

        [JsonPropertyName("destination_code")] public string? DestinationCode { get; set; }
        [JsonPropertyName("title")] public string? Title { get; set; }
        [JsonPropertyName("logistics_channel")] public string? LogisticsChannel { get; set; }
        [JsonPropertyName("customer_name")] public string? CustomerName { get; set; }
        [JsonPropertyName("customer_email")] public string? CustomerEmail { get; set; }
        [JsonPropertyName("customer_phone")] public string? CustomerPhone { get; set; }
        [JsonPropertyName("order_id")] public string? OrderId { get; set; }

        /// <summary>"yyyy-MM-dd HH:mm", as the API prints it back.</summary>
        [JsonPropertyName("order_create_time")] public string? OrderCreateTime { get; set; }

        /// <summary>"yyyyMMdd".</summary>
        [JsonPropertyName("tracking_ship_date")] public string? ShipDate { get; set; }

        [JsonPropertyName("tracking_postal_code")] public string? PostalCode { get; set; }
        [JsonPropertyName("tracking_account_number")] public string? AccountNumber { get; set; }
        [JsonPropertyName("tracking_destination_country")] public string? DestinationCountry { get; set; }
        [JsonPropertyName("lang")] public string? Language { get; set; }

        /// <summary>1 tells the service never to re-guess the carrier.</summary>
        [JsonPropertyName("auto_correct")] public int? AutoCorrect { get; set; }

        [JsonPropertyName("comment")] public string? Comment { get; set; }
    }
}
