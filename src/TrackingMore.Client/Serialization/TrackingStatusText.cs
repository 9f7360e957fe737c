using System;
using TrackingMore.Models;

namespace TrackingMore.Serialization
{
    /// <summary>How the API spells statuses, read and written.</summary>
    internal static class TrackingStatusText
    {
        /// <summary>The API's spelling of a status, as sent in list filters.</summary>
        public static string ToApi(TrackingStatus status) => status.ToString().ToLowerInvariant();

        /// <summary>A status as a list filter; Unknown has no text the service filters by, and leaving the filter out would list every status.</summary>
        public static string ToFilter(TrackingStatus status) => status != TrackingStatus.Unknown ? ToApi(status)
            : throw new ArgumentException("TrackingStatus.Unknown is not a status the list can be filtered by; leave Status null for every status.", "Status");

        /// <summary>Reads a status; the docs also spell "not found" with a space.</summary>
        public static TrackingStatus Parse(string? text)
        {
            if (string.IsNullOrEmpty(text)) return TrackingStatus.Unknown;
            var compact = text!.Replace(" ", string.Empty);
            return Enum.TryParse<TrackingStatus>(compact, ignoreCase: true, out var status) && Enum.IsDefined(typeof(TrackingStatus), status)
                ? status
                : TrackingStatus.Unknown;
        }

        /// <summary>Sub-statuses such as "notfound001"; the docs write "not found001", so spaces are removed.</summary>
        public static string? NormalizeSubStatus(string? text) =>
            string.IsNullOrWhiteSpace(text) ? null : text!.Replace(" ", string.Empty).ToLowerInvariant();
    }
}
