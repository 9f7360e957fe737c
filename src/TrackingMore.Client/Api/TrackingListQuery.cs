using System;
using System.Collections.Generic;

namespace TrackingMore.Api
{
    /// <summary>
    /// The filters and page of the tracking list. Times are <see cref="DateTime"/>s (Local and Unspecified mean the local
    /// clock, as PowerShell's [datetime] does); how they travel is the Serialization layer's business.
    /// </summary>
    public sealed class TrackingListQuery
    {
        /// <summary>
        /// The largest page any version allows, for static bounds (a parameter's range); a connection's own is
        /// <see cref="ApiCapabilities.MaxPageSize"/>, checked before sending.
        /// </summary>
        public const int MaxPageSize = 2000;

        /// <summary>The most list-filter values any version takes; a connection's own is <see cref="ApiCapabilities.MaxListValues"/>.</summary>
        public const int MaxListValues = 40;

        public int Page { get; set; } = 1;
        public int Limit { get; set; } = 100;

        /// <summary>Only trackings in this status; null: any status. <see cref="Models.TrackingStatus.Unknown"/> is refused (ArgumentException): the service has no filter for it.</summary>
        public Models.TrackingStatus? Status { get; set; }

        public DateTime? CreatedAfter { get; set; }
        public DateTime? CreatedBefore { get; set; }
        public DateTime? UpdatedAfter { get; set; }
        public DateTime? UpdatedBefore { get; set; }
        public DateTime? OrderCreatedAfter { get; set; }
        public DateTime? OrderCreatedBefore { get; set; }
        public string? Language { get; set; }

        /// <summary>At most <see cref="ApiCapabilities.MaxListValues"/> tracking numbers.</summary>
        public IReadOnlyList<string>? Numbers { get; set; }

        /// <summary>At most <see cref="ApiCapabilities.MaxListValues"/> order ids.</summary>
        public IReadOnlyList<string>? Orders { get; set; }

        /// <summary>true: archived only; false: not archived; null: both.</summary>
        public bool? Archived { get; set; }

        public TrackingListQuery WithPage(int page)
        {
            var copy = (TrackingListQuery)MemberwiseClone();
            copy.Page = page;
            return copy;
        }
    }
}
