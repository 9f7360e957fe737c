using System;

namespace TrackingMore.Models
{
    /// <summary>
    /// What one carrier (origin or destination) reports for a shipment: the API's origin_info / destination_info,
    /// without its checkpoints (those are merged into <see cref="Tracking.Events"/>).
    /// </summary>
    public sealed class CarrierLeg
    {
        public string? CarrierCode { get; internal set; }
        public string? Weblink { get; internal set; }
        public string? Phone { get; internal set; }
        public string? ReferenceNumber { get; internal set; }
        public DateTime? ItemReceived { get; internal set; }
        public DateTime? ItemDispatched { get; internal set; }
        public DateTime? DepartFromAirport { get; internal set; }
        public DateTime? ArrivalFromAbroad { get; internal set; }
        public DateTime? CustomsClearance { get; internal set; }
        public DateTime? DestinationArrived { get; internal set; }
        public int EventCount { get; internal set; }

        public override string ToString() =>
            (CarrierCode ?? "(carrier unknown)") + ": " + EventCount + (EventCount == 1 ? " event" : " events");
    }
}
