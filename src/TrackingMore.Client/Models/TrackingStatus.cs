namespace TrackingMore.Models
{
    /// <summary>The package statuses of the v2 API (api-v2.md, "Status values").</summary>
    public enum TrackingStatus
    {
        /// <summary>A status text this module does not know; the text itself is kept in AdditionalProperties['status'].</summary>
        Unknown = 0,
        Pending,
        NotFound,
        Transit,
        Pickup,
        Delivered,
        Undelivered,
        Exception,
        Expired,
    }
}
