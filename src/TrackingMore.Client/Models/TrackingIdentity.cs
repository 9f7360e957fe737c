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

        /// <summary>
        /// The tracking's id in the account, where the caller has it (a Tracking from Get-Tracking carries one). A
        /// version that addresses trackings by id (v4) uses it as given, and otherwise looks it up by number and
        /// carrier and fills it in; v2 never sends it, and no body carries it (RequestWireNames).
        /// </summary>
        public string? Id { get; set; }

        public override string ToString() => TrackingNumber + " (" + CarrierCode + ")";
    }
}
