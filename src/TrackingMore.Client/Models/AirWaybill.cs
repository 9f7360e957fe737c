using System;
using System.Collections.Generic;
using System.Globalization;

namespace TrackingMore.Models
{
    /// <summary>An air cargo shipment (POST /trackings/aircargo), by its air waybill number.</summary>
    public sealed class AirWaybill
    {
        /// <summary>The number as the API answered it, e.g. 172-28891936.</summary>
        public string? AirWaybillNumber { get; internal set; }

        /// <summary>As the airline reports it; the unit, when there is one, is part of the text.</summary>
        public string? Weight { get; internal set; }

        public int? Pieces { get; internal set; }

        /// <summary>The origin airport as the airline names it.</summary>
        public string? Origin { get; internal set; }

        public string? Destination { get; internal set; }

        /// <summary>The API's status_number.</summary>
        public int? StatusNumber { get; internal set; }

        /// <summary>The flight events, newest first.</summary>
        public EventList<AirWaybillEvent> Events { get; internal set; } = EventList<AirWaybillEvent>.Empty;

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => AirWaybillNumber + " " + Origin + "->" + Destination;
    }

    /// <summary>One event of an air waybill; carries its own number so the events export as usable CSV rows.</summary>
    public sealed class AirWaybillEvent
    {
        public string? AirWaybillNumber { get; internal set; }

        /// <summary>The planned time, local to the station; the API gives no zone.</summary>
        public DateTime? PlanDate { get; internal set; }

        public DateTime? ActualDate { get; internal set; }
        public string? Event { get; internal set; }

        /// <summary>The airport where it happened.</summary>
        public string? Station { get; internal set; }

        public string? FlightNumber { get; internal set; }

        public override string ToString()
        {
            var when = (ActualDate ?? PlanDate)?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(no date)";
            return when + " " + Station + " " + Event + (string.IsNullOrEmpty(FlightNumber) ? string.Empty : " " + FlightNumber);
        }
    }
}
