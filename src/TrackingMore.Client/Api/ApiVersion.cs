namespace TrackingMore.Api
{
    /// <summary>The versions of the TrackingMore API a connection can speak. Each is a dialect inside the client.</summary>
    public enum ApiVersion
    {
        /// <summary>The v2 API (carrier and number address a tracking; pages by page, limit and total).</summary>
        V2 = 2,
    }
}
