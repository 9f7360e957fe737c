using System;

namespace TrackingMore.Api
{
    /// <summary>The filters of GET /trackings/getstatusnumber; null filters are not sent.</summary>
    public sealed class TrackingCountQuery
    {
        public DateTime? CreatedAfter { get; set; }
        public DateTime? CreatedBefore { get; set; }
        public DateTime? OrderCreatedAfter { get; set; }
        public DateTime? OrderCreatedBefore { get; set; }
    }
}
