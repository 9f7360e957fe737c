namespace TrackingMore.Models
{
    /// <summary>
    /// A shipment as the API names it: the pair every per-tracking endpoint needs. Remove-Tracking -PassThru and
    /// Update-TrackingCarrier write it; the requests that name a tracking derive from it (sent as tracking_number and
    /// carrier_code by the request context's snake_case naming).
    /// </summary>
    public class TrackingIdentity
    {
        public TrackingIdentity(string trackingNumber, string carrierCode)
        {
            TrackingNumber = trackingNumber;
            CarrierCode = carrierCode;
        }

        public string TrackingNumber { get; }
        public string CarrierCode { get; }

        public override string ToString() => TrackingNumber + " (" + CarrierCode + ")";
    }
}
