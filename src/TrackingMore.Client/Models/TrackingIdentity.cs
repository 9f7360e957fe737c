namespace TrackingMore.Models
{
    /// <summary>
    /// A shipment by its number and carrier: the pair that names a tracking. Remove-Tracking -PassThru and
    /// Update-TrackingCarrier write it; the requests that name a tracking derive from it (how it travels is the
    /// dialect's business).
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
