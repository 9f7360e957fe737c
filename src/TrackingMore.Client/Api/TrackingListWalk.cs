using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// One or more listings (one query each, e.g. one per status: the API filters by one status a request) walked one
    /// after the other as one list, within a <see cref="TrackingListRange"/>: the pages it yields hold only what the
    /// range hands out, in order, each page asked for when the caller wants it. Each listing pages by the rules of
    /// <see cref="TrackingListing"/> (no tracking twice, inconsistent paging refused, later pages pinned to the
    /// service's time of the first answer when more than one page may be read and the query sets no
    /// <see cref="TrackingListQuery.CreatedBefore"/>). Where it stands (<see cref="Listing"/>, <see cref="NextPage"/>,
    /// <see cref="PagesRead"/>) can be read between pages, and after a failure names the page that failed.
    /// </summary>
    public sealed class TrackingListWalk : IAsyncEnumerable<TrackingPage>
    {
        private readonly ITrackingMoreClient _client;
        private readonly IReadOnlyList<TrackingListQuery> _listings;
        private readonly TrackingListRange _range;
        private readonly CallContext _call;

        internal TrackingListWalk(ITrackingMoreClient client, IReadOnlyList<TrackingListQuery> listings, TrackingListRange range, CallContext call)
        {
            var largest = client.Capabilities.MaxPageSize;
            if (range.PageSize is int size && (size < 1 || size > largest))
                throw new ArgumentOutOfRangeException(nameof(range), size,
                    "A page of API " + client.Capabilities.Version + " holds 1 to " + largest + " trackings.");
            _client = client;
            _listings = listings.ToArray();
            _range = range;
            _call = call;
        }

        /// <summary>Which of the listings the walk is in (0 for the first).</summary>
        public int Listing { get; private set; }

        /// <summary>Trackings a request in the current listing.</summary>
        public int PageSize { get; private set; }

        /// <summary>The page the current listing's next request asks for (or asked for, when it failed).</summary>
        public int NextPage { get; private set; }

        /// <summary>Pages of the current listing read so far: 1 while its first page is handed out.</summary>
        public int PagesRead { get; private set; }

        /// <summary>Whether the current listing asks for another page (<see cref="NextPage"/>) when the caller wants the next.</summary>
        public bool MorePages { get; private set; }

        /// <summary>Trackings handed out so far, across the listings.</summary>
        public ulong HandedOut { get; private set; }

        public async IAsyncEnumerator<TrackingPage> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            var wanted = _range.First ?? ulong.MaxValue;
            var skip = _range.Skip;
            for (var index = 0; index < _listings.Count && HandedOut < wanted; index++)
            {
                Listing = index;
                var query = _listings[index];
                PageSize = _range.PageSize
                           ?? (_range.AllPages ? _client.Capabilities.MaxPageSize
                               : _range.First.HasValue ? (int)Math.Min((ulong)_client.Capabilities.MaxPageSize, Math.Max(1, skip + (wanted - HandedOut)))
                               : TrackingListRange.DefaultPageSize);
                // The pages -Skip passes over whole are never asked for; what it leaves of a page, the listing skips.
                var first = query.WithPage(checked((int)(query.Page + (long)(skip / (ulong)PageSize))));
                first.Limit = PageSize;
                var listing = new TrackingListing(_client, first, (int)(skip % (ulong)PageSize),
                    pinToServerTime: _range.ManyPages && query.CreatedBefore == null);
                NextPage = first.Page;
                PagesRead = 0;
                var skipLeft = 0UL;
                while (await listing.NextAsync(_call).ConfigureAwait(false) is { } page)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    PagesRead++;
                    NextPage = page.Page + 1;
                    var items = (ulong)page.Items.Count <= wanted - HandedOut ? page.Items : page.Items.Take((int)(wanted - HandedOut)).ToArray();
                    HandedOut += (ulong)items.Count;
                    // A listing shorter than what is left to skip (its first page empty, its total reported) passes
                    // the rest of the skip on to the next listing.
                    var passedOver = PagesRead == 1 && page.Items.Count == 0 && page.Total is long total && (ulong)Math.Max(0, total) <= skip;
                    if (passedOver) skipLeft = skip - (ulong)Math.Max(0, page.Total!.Value);
                    MorePages = !(passedOver || HandedOut >= wanted || !_range.ManyPages || listing.Ended);
                    yield return new TrackingPage(page.Page, page.Limit, page.Total, items, page.ServerTime);
                    if (!MorePages) break;
                }
                skip = skipLeft;
            }
        }
    }
}
