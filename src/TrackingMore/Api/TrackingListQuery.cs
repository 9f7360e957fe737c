using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

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

        public string ToQueryString()
        {
            var query = new StringBuilder();
            Add(query, "page", Page.ToString(CultureInfo.InvariantCulture));
            Add(query, "limit", Limit.ToString(CultureInfo.InvariantCulture));
            Add(query, "status", Status);
            Add(query, "created_at_min", CreatedAtMin);
            Add(query, "created_at_max", CreatedAtMax);
            Add(query, "update_time_min", UpdateTimeMin);
            Add(query, "update_time_max", UpdateTimeMax);
            Add(query, "order_created_time_min", OrderCreatedTimeMin);
            Add(query, "order_created_time_max", OrderCreatedTimeMax);
            Add(query, "lang", Language);
            Add(query, "numbers", Join(Numbers, nameof(Numbers)));
            Add(query, "orders", Join(Orders, nameof(Orders)));
            if (Archived.HasValue) Add(query, "archived", Archived.Value ? "true" : "false");
            return query.ToString();
        }

        private static string? Join(IReadOnlyList<string>? values, string name)
        {
            if (values is null || values.Count == 0) return null;
            if (values.Count > MaxListValues)
                throw new ArgumentException("The API takes at most " + MaxListValues + " values in " + name + "; got " + values.Count + ".", name);
            return string.Join(",", values);
        }

        private static void Add(StringBuilder query, string name, long? value)
        {
            if (value.HasValue) Add(query, name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        private static void Add(StringBuilder query, string name, string? value)
        {
            if (string.IsNullOrEmpty(value)) return;
            query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }
    }
}
