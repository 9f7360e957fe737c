namespace TrackingMore.Api
{
    /// <summary>The versions of the TrackingMore API a connection can speak. Each is a dialect inside the client.</summary>
    public enum ApiVersion
    {
        /// <summary>The v2 API (carrier and number address a tracking; pages by page, limit and total).</summary>
        V2 = 2,

        /// <summary>The v4 API, the service's current one (an id addresses a tracking; pages without a total; real HTTP statuses).</summary>
        V4 = 4,
    }
}
