using System;

namespace TrackingMore.Models
{
    /// <summary>
    /// A tracked shipment. Property names match the cmdlets' parameter names (TrackingNumber, CarrierCode, ...)
    /// so objects pipe into the next cmdlet, and the scalar ones are what a CSV report needs.
    /// </summary>
    public sealed class Tracking
    {
        public string? Id { get; internal set; }
        public string? TrackingNumber { get; internal set; }
        public string? CarrierCode { get; internal set; }
        public TrackingStatus Status { get; internal set; }
        public string? SubStatus { get; internal set; }
        public string? OriginCountry { get; internal set; }
        public string? DestinationCountry { get; internal set; }

        /// <summary>
        /// What the newest checkpoint says, "description, details", without its date (that is <see cref="LastUpdateTime"/>);
        /// the API's own lastEvent is "description,details,date".
        /// </summary>
        public string? LastEvent { get; internal set; }

        /// <summary>The carrier's local time of the newest checkpoint.</summary>
        public DateTime? LastUpdateTime { get; internal set; }

        public DateTimeOffset? CreatedAt { get; internal set; }
        public DateTimeOffset? UpdatedAt { get; internal set; }

        /// <summary>Days from the first to the newest checkpoint (the API's itemTimeLength).</summary>
        public int? TransitDays { get; internal set; }

        /// <summary>Days since the newest checkpoint (the API's stayTimeLength).</summary>
        public int? StayDays { get; internal set; }

        public string? Title { get; internal set; }
        public string? OrderId { get; internal set; }
        public DateTime? OrderCreateTime { get; internal set; }
        public string? CustomerName { get; internal set; }

        /// <summary>The API sends a string, an array or null; several addresses are joined with ", ".</summary>
        public string? CustomerEmail { get; internal set; }

        public string? CustomerPhone { get; internal set; }
        public string? LogisticsChannel { get; internal set; }
        public string? Comment { get; internal set; }
        public bool Archived { get; internal set; }

        /// <summary>False once Stop-TrackingUpdate stopped the service refreshing this shipment.</summary>
        public bool? TrackUpdate { get; internal set; }

        public string? ServiceCode { get; internal set; }
        public string? StatusInfo { get; internal set; }

        /// <summary>Who signed for the package (the API's "singed_by").</summary>
        public string? SignedBy { get; internal set; }

        public CarrierLeg? Origin { get; internal set; }
        public CarrierLeg? Destination { get; internal set; }

        /// <summary>Every checkpoint of both carriers, newest first.</summary>
        public EventList<TrackingEvent> Events { get; internal set; } = EventList<TrackingEvent>.Empty;

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => TrackingNumber + " (" + CarrierCode + ")";
    }
}
