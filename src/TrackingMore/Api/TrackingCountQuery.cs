namespace TrackingMore.Api
{
    /// <summary>The filters of GET /trackings/getstatusnumber, sent as a query string. Times are unix seconds.</summary>
    public sealed class TrackingCountQuery
    {
        public long? CreatedAtMin { get; set; }
        public long? CreatedAtMax { get; set; }
        public long? OrderCreatedTimeMin { get; set; }
        public long? OrderCreatedTimeMax { get; set; }

        public string ToQueryString() => new QueryString()
            .Add("created_at_min", CreatedAtMin)
            .Add("created_at_max", CreatedAtMax)
            .Add("order_created_time_min", OrderCreatedTimeMin)
            .Add("order_created_time_max", OrderCreatedTimeMax)
            .ToString();
    }
}
