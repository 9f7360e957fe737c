using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;

namespace TrackingMore.Models
{
    /// <summary>Which carrier of a shipment reported a checkpoint.</summary>
    public enum TrackingLeg
    {
        Origin,
        Destination,
    }

    /// <summary>
    /// One checkpoint of a shipment. It carries its own TrackingNumber so that
    /// <c>Get-Tracking | Select-Object -ExpandProperty Events | Export-Csv</c> gives usable rows.
    /// </summary>
    public sealed class TrackingEvent
    {
        public string? TrackingNumber { get; internal set; }

        /// <summary>The carrier that reported this checkpoint (origin or destination carrier).</summary>
        public string? CarrierCode { get; internal set; }

        public TrackingLeg Leg { get; internal set; }

        /// <summary>The carrier's local time of the checkpoint; the API gives no zone.</summary>
        public DateTime? Date { get; internal set; }

        public string? Description { get; internal set; }
        public string? Details { get; internal set; }
        public string? CheckpointStatus { get; internal set; }
        public string? SubStatus { get; internal set; }

        /// <summary>The milestone this checkpoint marks (the API's ItemNode), e.g. ItemReceived.</summary>
        public string? Milestone { get; internal set; }

        /// <summary>What happened, without the date: "description, details" (Tracking.LastEvent of the newest).</summary>
        internal string? Text => string.IsNullOrEmpty(Details) ? Description : Description + ", " + Details;

        public override string ToString() =>
            (Date?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "(no date)") + " " + Text;
    }

    /// <summary>Events newest first; prints as a count and the newest event, so a CSV cell shows the data.</summary>
    public class EventList<T> : ReadOnlyCollection<T>
    {
        public static readonly EventList<T> Empty = new EventList<T>(new List<T>());

        public EventList(IList<T> newestFirst) : base(newestFirst)
        {
        }

        public override string ToString() => Count switch
        {
            0 => "no events",
            1 => "1 event: " + this[0],
            _ => Count.ToString(CultureInfo.InvariantCulture) + " events, newest: " + this[0],
        };
    }
}
