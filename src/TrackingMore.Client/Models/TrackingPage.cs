using System;
using System.Collections.Generic;

namespace TrackingMore.Models
{
    /// <summary>One page of GET /trackings/get.</summary>
    public sealed class TrackingPage
    {
        public TrackingPage(int page, int limit, long? total, IReadOnlyList<Tracking> items, DateTimeOffset? serverTime = null)
        {
            ServerTime = serverTime;
            Page = page;
            Limit = limit;
            Total = total;
            Items = items;
        }

        public int Page { get; }
        public int Limit { get; }

        /// <summary>Trackings matching the filter across all pages (sent by the API as a string); null if it sent none.</summary>
        public long? Total { get; }

        public IReadOnlyList<Tracking> Items { get; }

        /// <summary>When the service answered, by its own clock (the HTTP Date header, to the second); null if it sent none.</summary>
        public DateTimeOffset? ServerTime { get; }
    }
}
