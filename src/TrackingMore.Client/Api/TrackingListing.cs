using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// Walks the pages of the list one request at a time, so the caller writes each page as it arrives.
    /// <para>What it guarantees: no tracking id is handed out twice, wherever the repeat lies (every id met is
    /// remembered, compactly: <see cref="TrackingIdSet"/>); items without an id are handed out as they come. The walk
    /// ends on an empty page, on a short one where the version says a short page is the last
    /// (<see cref="ApiCapabilities.ShortPageEndsListing"/>), and at the latest one page after the total the first page
    /// reported.</para>
    /// <para>What it refuses, with <see cref="FailureReason.PagingInconsistent"/>: a page with more items than asked
    /// for, a full page that adds no new id (a server repeating itself, or cycling through pages A, B, A, B or A, B,
    /// C, A, would otherwise be paged forever: every id of such a page was met before), and a page asked for past the
    /// first page's total by more than a page.</para>
    /// </summary>
    internal sealed class TrackingListing
    {
        private readonly ITrackingMoreClient _client;
        private readonly string _endpoint;
        private readonly bool _shortPageEnds;
        private TrackingListQuery _query;
        private bool _pinToServerTime;
        private int _skip;
        private readonly TrackingIdSet _seenIds = new TrackingIdSet();
        private bool _ended;

        /// <param name="query">The filters and page size; its <see cref="TrackingListQuery.Page"/> is the first page asked for.</param>
        /// <param name="skip">Items of the first page to leave out (what -Skip leaves of a page).</param>
        /// <param name="pinToServerTime">Pages after the first ask only for trackings created by the time the service answered the first.</param>
        public TrackingListing(ITrackingMoreClient client, TrackingListQuery query, int skip, bool pinToServerTime = false)
        {
            _client = client;
            _endpoint = client.Capabilities.EndpointOf(ApiOperation.ListTrackings);
            _shortPageEnds = client.Capabilities.ShortPageEndsListing;
            _query = query;
            _skip = skip;
            _pinToServerTime = pinToServerTime;
            NextPage = query.Page;
        }

        /// <summary>The page the next call asks for.</summary>
        public int NextPage { get; private set; }

        /// <summary>Pages read so far.</summary>
        public int PagesRead { get; private set; }

        /// <summary>True once the last page was read: the next call answers null without a request.</summary>
        public bool Ended => _ended;

        /// <summary>The number of trackings the first page reported, when it did.</summary>
        public long? Total { get; private set; }

        /// <summary>The next page, holding only the trackings not handed out before; null once the listing has ended.</summary>
        public async Task<TrackingPage?> NextAsync(CallContext call)
        {
            if (_ended) return null;
            var limit = _query.Limit;
            var pageNumber = NextPage;
            if (Total is long reported && (long)(pageNumber - 1) * limit >= reported + limit)
                throw Inconsistent(pageNumber, "would start past the " + reported + " trackings the first page reported, by more than a page");

            var page = await _client.ListTrackingsAsync(_query.WithPage(pageNumber), call).ConfigureAwait(false);
            if (page.Items.Count > limit)
                throw Inconsistent(pageNumber, "holds " + page.Items.Count + " trackings, more than the " + limit + " asked for");
            if (PagesRead == 0) Total = page.Total;
            if (_pinToServerTime && page.ServerTime is DateTimeOffset answered)
            {
                // The snapshot bound, by the service's clock: every tracking that existed when it answered was
                // created at or before its Date (whole seconds, as created_at is), and created_at_max is inclusive.
                _query = _query.WithPage(_query.Page);
                _query.CreatedBefore = answered.UtcDateTime;
            }
            _pinToServerTime = false;

            var fresh = new List<Tracking>(page.Items.Count);
            for (var i = 0; i < page.Items.Count; i++)
            {
                var tracking = page.Items[i];
                // Every id of the page is remembered, handed out or not (-Skip): a repeat skipped here may come again.
                var repeated = tracking.Id != null && !_seenIds.Add(tracking.Id);
                if (i >= _skip && !repeated) fresh.Add(tracking);
            }
            _skip = 0;
            PagesRead++;
            if (PagesRead > 1 && page.Items.Count == limit && fresh.Count == 0)
                throw Inconsistent(pageNumber, "is full but repeats trackings of the pages before it and adds none");

            // Without a total (v4) a short page may be the server's cap, not the end: only an empty page ends the listing.
            var lastPage = page.Items.Count == 0 || (_shortPageEnds && page.Items.Count < limit) ||
                           (page.Total is long total && (long)pageNumber * limit >= total);
            if (lastPage) _ended = true;
            else NextPage = pageNumber + 1;
            return new TrackingPage(pageNumber, limit, page.Total, fresh);
        }

        private TrackingMoreApiException Inconsistent(int page, string problem) => new TrackingMoreApiException(
            FailureReason.PagingInconsistent,
            "Listing stopped: page " + page + " of " + _endpoint + " " + problem + ". The service (or a proxy in front of it) is not paging consistently; try again later, or narrow the listing with filters.",
            _endpoint);
    }
}
