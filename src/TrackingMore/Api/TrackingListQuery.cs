using System;
using System.Collections.Generic;

namespace TrackingMore.Api
{
    /// <summary>The filters of GET /trackings/get, sent as a query string. Times are unix seconds, as the API wants.</summary>
    public sealed class TrackingListQuery
    {
        public const int MaxPageSize = 2000;
        public const int MaxListValues = 40;

        public int Page { get; set; } = 1;
        public int Limit { get; set; } = 100;
        public string? Status { get; set; }
        public long? CreatedAtMin { get; set; }
        public long? CreatedAtMax { get; set; }
        public long? UpdateTimeMin { get; set; }
        public long? UpdateTimeMax { get; set; }
        public long? OrderCreatedTimeMin { get; set; }
        public long? OrderCreatedTimeMax { get; set; }
        public string? Language { get; set; }
        public IReadOnlyList<string>? Numbers { get; set; }
        public IReadOnlyList<string>? Orders { get; set; }

        /// <summary>true: archived only; false: not archived; null: both.</summary>
        public bool? Archived { get; set; }

        public TrackingListQuery WithPage(int page)
        {
            var copy = (TrackingListQuery)MemberwiseClone();
            copy.Page = page;
            return copy;
        }

        public string ToQueryString() => new QueryString()
            .Add("page", Page)
            .Add("limit", Limit)
            .Add("status", Status)
            .Add("created_at_min", CreatedAtMin)
            .Add("created_at_max", CreatedAtMax)
            .Add("update_time_min", UpdateTimeMin)
            .Add("update_time_max", UpdateTimeMax)
            .Add("order_created_time_min", OrderCreatedTimeMin)
            .Add("order_created_time_max", OrderCreatedTimeMax)
            .Add("lang", Language)
            .Add("numbers", Join(Numbers, nameof(Numbers)))
            .Add("orders", Join(Orders, nameof(Orders)))
            .Add("archived", Archived.HasValue ? (Archived.Value ? "true" : "false") : null)
            .ToString();

        private static string? Join(IReadOnlyList<string>? values, string name)
        {
            if (values is null || values.Count == 0) return null;
            if (values.Count > MaxListValues)
                throw new ArgumentException("The API takes at most " + MaxListValues + " values in " + name + "; got " + values.Count + ".", name);
            return string.Join(",", values);
        }
    }
}
