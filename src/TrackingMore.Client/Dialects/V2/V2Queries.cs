using System;
using System.Collections.Generic;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V2
{
    /// <summary>The query strings of v2's GET endpoints: its parameter names, times as unix seconds, statuses as v2 spells them.</summary>
    internal static class V2Queries
    {
        public static string ForList(TrackingListQuery query, int maxListValues) => new QueryString()
            .Add("page", query.Page)
            .Add("limit", query.Limit)
            .Add("status", query.Status is TrackingStatus status ? TrackingStatusText.ToFilter(status) : null)
            .Add("created_at_min", ApiDates.ToUnixSeconds(query.CreatedAfter))
            .Add("created_at_max", ApiDates.ToUnixSeconds(query.CreatedBefore))
            .Add("update_time_min", ApiDates.ToUnixSeconds(query.UpdatedAfter))
            .Add("update_time_max", ApiDates.ToUnixSeconds(query.UpdatedBefore))
            .Add("order_created_time_min", ApiDates.ToUnixSeconds(query.OrderCreatedAfter))
            .Add("order_created_time_max", ApiDates.ToUnixSeconds(query.OrderCreatedBefore))
            .Add("lang", query.Language)
            .Add("numbers", QueryString.JoinValues(query.Numbers, nameof(query.Numbers), maxListValues))
            .Add("orders", QueryString.JoinValues(query.Orders, nameof(query.Orders), maxListValues))
            .Add("archived", query.Archived.HasValue ? (query.Archived.Value ? "true" : "false") : null)
            .ToString();

        public static string ForCount(TrackingCountQuery query) => new QueryString()
            .Add("created_at_min", ApiDates.ToUnixSeconds(query.CreatedAfter))
            .Add("created_at_max", ApiDates.ToUnixSeconds(query.CreatedBefore))
            .Add("order_created_time_min", ApiDates.ToUnixSeconds(query.OrderCreatedAfter))
            .Add("order_created_time_max", ApiDates.ToUnixSeconds(query.OrderCreatedBefore))
            .ToString();
    }
}
