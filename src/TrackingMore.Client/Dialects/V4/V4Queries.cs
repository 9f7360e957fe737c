using System;
using System.Collections.Generic;
using System.Globalization;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// The query of v4's GET /trackings/get: its parameter names, times as ISO 8601 with an offset (the query
    /// string's escaping sends '+' as %2B, which two official SDKs forget), statuses and archived as v4 spells them.
    /// </summary>
    internal static class V4Queries
    {
        /// <param name="carrierCode">courier_code: the list's one filter the version-neutral query has no property for (a look-up by number uses it).</param>
        public static string ForList(TrackingListQuery query, int maxListValues, string? carrierCode = null)
        {
            if (query.Orders is { Count: > 0 } || query.OrderCreatedAfter.HasValue || query.OrderCreatedBefore.HasValue)
                throw new TrackingMoreApiException(FailureReason.NotSupported,
                    "API version V4 cannot filter the list by order id or order date; API version V2 can. Nothing was sent.",
                    V4Dialect.Instance.Capabilities.EndpointOf(ApiOperation.ListTrackings));
            return new QueryString()
                .Add("tracking_numbers", QueryString.JoinValues(query.Numbers, nameof(query.Numbers), maxListValues))
                .Add("courier_code", carrierCode)
                .Add("delivery_status", query.Status is TrackingStatus status ? TrackingStatusText.ToFilter(status) : null)
                .Add("archived_status", query.Archived.HasValue ? (query.Archived.Value ? "archived" : "tracking") : null)
                .Add("created_date_min", Iso(query.CreatedAfter))
                .Add("created_date_max", Iso(query.CreatedBefore))
                .Add("updated_date_min", Iso(query.UpdatedAfter))
                .Add("updated_date_max", Iso(query.UpdatedBefore))
                .Add("lang", query.Language)
                .Add("pages_amount", query.Page)
                .Add("items_amount", query.Limit)
                .ToString();
        }

        /// <summary>The instant in UTC with an explicit offset, e.g. 2023-10-09T06:00:00+00:00.</summary>
        private static string? Iso(DateTime? time) => time is DateTime value
            ? ApiDates.ToUniversal(value).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture)
            : null;
    }
}
