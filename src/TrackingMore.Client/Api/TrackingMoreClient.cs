using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using TrackingMore.Dialects;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// The TrackingMore API in the version its settings name (<see cref="ConnectionSettings.ApiVersion"/>), one async
    /// method per operation: the API's semantics (bulk outcomes, look-up by number, paging) here, everything the
    /// version does its own way (paths, bodies, envelope, codes) in its dialect. Knows nothing of PowerShell; every
    /// failure is a <see cref="TrackingMoreApiException"/> and every answer a model from <c>TrackingMore.Models</c>.
    /// An operation the version lacks fails with <see cref="FailureReason.NotSupported"/> before anything is sent.
    /// </summary>
    public sealed class TrackingMoreClient : ITrackingMoreClient
    {
        private readonly ApiTransport _transport;
        private readonly TrackingIdCache _ids = new TrackingIdCache();

        /// <summary>A client that sends through the process's one HTTP client (redirects off, loopback never proxied).</summary>
        public TrackingMoreClient(ConnectionSettings settings) : this(settings, null, null)
        {
        }

        /// <summary>
        /// A client that sends through <paramref name="handler"/>: the caller's proxy, certificates, logging or a test
        /// stub. The caller keeps and disposes the handler. A handler that follows redirects is refused, since a followed
        /// redirect carries the key header to wherever a server points; every 3xx is then an error
        /// (<see cref="FailureReason.Redirected"/>), as through the process's client.
        /// </summary>
        /// <exception cref="ArgumentException">
        /// The handler, or one inside its <see cref="DelegatingHandler"/> chain, follows redirects (AllowAutoRedirect or
        /// AutomaticRedirection true, the default of HttpClientHandler and SocketsHttpHandler), or the chain ends without
        /// an inner handler.
        /// </exception>
        public TrackingMoreClient(ConnectionSettings settings, HttpMessageHandler handler)
            : this(settings, new HttpMessageInvoker(RefusingRedirects(handler), disposeHandler: false))
        {
        }

        /// <param name="http">Tests pass a handler that answers from fixtures; everyone else shares the process's client.</param>
        /// <param name="clock">Tests pass a simulated clock, so gates and back-off run without waiting.</param>
        /// <param name="dialect">Tests pass a dialect of their own; everyone else gets the settings' version's.</param>
        internal TrackingMoreClient(ConnectionSettings settings, HttpMessageInvoker? http, ApiClock? clock = null, ApiDialect? dialect = null)
        {
            Dialect = dialect ?? ApiDialect.For(settings.ApiVersion);
            _transport = new ApiTransport(settings, Dialect, http, clock);
        }

        public ConnectionSettings Settings => _transport.Settings;

        public ApiCapabilities Capabilities => Dialect.Capabilities;

        internal ApiDialect Dialect { get; }

        private string ListEndpoint => Capabilities.EndpointOf(ApiOperation.ListTrackings);

        public Task<Tracking> CreateTrackingAsync(NewTrackingRequest tracking, CallContext call) =>
            SendAsync(ApiOperation.CreateTracking, () => Dialect.CreateTracking(tracking), call);

        /// <summary>
        /// Creates 1 to <see cref="ApiCapabilities.BatchSize"/> trackings with one request and returns one outcome per tracking, in order. When an answer
        /// was lost and the request had to go again, "already exists" for one's own item, or the account holding it,
        /// means an earlier attempt created it; the tracking is fetched so the outcome still carries it.
        /// </summary>
        /// <param name="singleForOne">A lone tracking goes to the single form (<see cref="ApiOperation.CreateTracking"/>), whose answer is the full tracking.</param>
        public Task<IReadOnlyList<TrackingOutcome<NewTrackingRequest>>> CreateTrackingsAsync(IReadOnlyList<NewTrackingRequest> trackings, CallContext call,
            bool singleForOne = false) => Creations(singleForOne).SendAsync(this, CheckBulk(trackings), singleForOne, call);

        public Task<Tracking> GetTrackingAsync(TrackingIdentity tracking, string? language, CallContext call) =>
            SendAsync(ApiOperation.GetTracking, () => Dialect.GetTracking(tracking, language), call);

        /// <summary>One page; a page size over the version's <see cref="ApiCapabilities.MaxPageSize"/> is refused before sending.</summary>
        public Task<TrackingPage> ListTrackingsAsync(TrackingListQuery query, CallContext call)
        {
            if (query.Limit < 1 || query.Limit > Capabilities.MaxPageSize)
                throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "API " + Capabilities.Version + " pages hold 1 to " + Capabilities.MaxPageSize + " trackings.");
            return SendAsync(ApiOperation.ListTrackings, () => Dialect.ListTrackings(query), call);
        }

        /// <summary>
        /// Every page of the list from <paramref name="query"/>'s page on, at the list's pace, each holding only
        /// trackings not handed out before (see <see cref="TrackingListing"/> for what is guaranteed and what is
        /// refused as <see cref="FailureReason.PagingInconsistent"/>). Stops after the last page; the caller may stop
        /// sooner, and no page is asked for before the caller wants it.
        /// </summary>
        /// <param name="skip">Items of the first page to leave out.</param>
        /// <param name="pinSnapshot">
        /// When the query sets no <see cref="TrackingListQuery.CreatedBefore"/>, the pages after the first list only
        /// trackings created by the time the service answered the first page, by the service's own clock (its Date
        /// header): trackings created meanwhile would otherwise push items onto pages not yet read. The client's
        /// clock plays no part, so a client clock behind the service's drops nothing. An answer without a Date
        /// header leaves the walk unpinned, where the de-duplication of repeats still holds.
        /// </param>
        public async IAsyncEnumerable<TrackingPage> ListAllAsync(TrackingListQuery query, CallContext call, int skip = 0, bool pinSnapshot = true)
        {
            Require(ApiOperation.ListTrackings);
            var listing = new TrackingListing(this, query, skip, pinToServerTime: pinSnapshot && query.CreatedBefore == null);
            while (await listing.NextAsync(call).ConfigureAwait(false) is { } page) yield return page;
        }

        /// <summary>
        /// The part of one or more listings that <paramref name="range"/> asks for (skip, first, page size, every page),
        /// counted across the listings in order as one list; only the pages it needs are asked for, each when the caller
        /// wants it. See <see cref="TrackingListWalk"/>.
        /// </summary>
        /// <param name="listings">One query a listing, each with its filters and first page (its Limit is the range's business).</param>
        public TrackingListWalk ListAsync(IReadOnlyList<TrackingListQuery> listings, TrackingListRange range, CallContext call) =>
            new TrackingListWalk(this, listings, range, call);

        /// <summary>
        /// What the account holds under each number, whatever the carrier: one result per number asked, in order,
        /// through the list's numbers filter (40 numbers a request, at the list's pace). A number the account does not
        /// follow, or whose request failed, has a <see cref="TrackingLookup.Failure"/>; only a refused key ends the call.
        /// </summary>
        public async Task<IReadOnlyList<TrackingLookup>> FindTrackingsAsync(IReadOnlyList<string> numbers, string? language, CallContext call)
        {
            Require(ApiOperation.ListTrackings);
            var results = new TrackingLookup[numbers.Count];
            var distinct = numbers.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            for (var start = 0; start < distinct.Length; start += Capabilities.MaxListValues)
            {
                var chunk = distinct.Skip(start).Take(Capabilities.MaxListValues).ToArray();
                IReadOnlyList<Tracking> found;
                TrackingMoreApiException? failure = null;
                try
                {
                    found = await LookUpAsync(chunk, call, language).ConfigureAwait(false);
                }
                catch (TrackingMoreApiException chunkFailure) when (!chunkFailure.IsAuthenticationFailure)
                {
                    found = Array.Empty<Tracking>();
                    failure = chunkFailure;
                }
                var asked = new HashSet<string>(chunk, StringComparer.OrdinalIgnoreCase);
                foreach (var stray in found.Where(tracking => tracking.TrackingNumber == null || !asked.Contains(tracking.TrackingNumber)))
                    call.Verbose(Settings.Redact(ListEndpoint + " answered " + stray + ", which was not asked for."));
                for (var i = 0; i < numbers.Count; i++)
                {
                    if (!asked.Contains(numbers[i])) continue;
                    var held = found.Where(tracking => string.Equals(tracking.TrackingNumber, numbers[i], StringComparison.OrdinalIgnoreCase)).ToArray();
                    results[i] = new TrackingLookup(numbers[i], held,
                        failure ?? (held.Length == 0 ? TrackingMoreApiException.NoSuchTracking(numbers[i], ListEndpoint) : null));
                }
            }
            return results;
        }

        /// <summary>The trackings the account holds under up to 40 numbers, in one request; a failure is thrown.</summary>
        internal async Task<IReadOnlyList<Tracking>> LookUpAsync(IReadOnlyList<string> numbers, CallContext call, string? language = null)
        {
            var query = new TrackingListQuery
            {
                Numbers = numbers.Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                Limit = Capabilities.MaxPageSize,
                Language = language,
            };
            return (await ListTrackingsAsync(query, call).ConfigureAwait(false)).Items;
        }

        /// <remarks>On a version that addresses trackings by id, the id is the request's own or looked up (<see cref="PrefetchTrackingIdsAsync"/>).</remarks>
        public async Task DeleteTrackingAsync(TrackingIdentity tracking, CallContext call)
        {
            await AddressAsync(ApiOperation.DeleteTracking, tracking, call).ConfigureAwait(false);
            await SendAsync(ApiOperation.DeleteTracking, () => Dialect.DeleteTracking(tracking), call).ConfigureAwait(false);
            _ids.Forget(tracking);
        }

        /// <summary>
        /// Removes 1 to <see cref="ApiCapabilities.BatchSize"/> trackings with one request; one outcome per tracking, in order. After a lost answer, "does
        /// not exist", or the account no longer holding it, means an earlier attempt removed it.
        /// </summary>
        /// <param name="singleForOne">A lone tracking goes to the single form (<see cref="ApiOperation.DeleteTracking"/>).</param>
        public Task<IReadOnlyList<TrackingOutcome<TrackingIdentity>>> DeleteTrackingsAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call,
            bool singleForOne = false) => Deletions(singleForOne).SendAsync(this, CheckBulk(trackings), singleForOne, call);

        public async Task<Tracking> UpdateTrackingAsync(TrackingUpdateRequest changes, CallContext call)
        {
            if (changes.Status.HasValue && !Capabilities.SetsStatusByHand)
                throw new TrackingMoreApiException(FailureReason.NotSupported,
                    "API version " + Capabilities.Version + " cannot set a tracking's status by hand. Nothing was sent.", Capabilities.EndpointOf(ApiOperation.UpdateTracking));
            await AddressAsync(ApiOperation.UpdateTracking, changes, call).ConfigureAwait(false);
            return await SendAsync(ApiOperation.UpdateTracking, () => Dialect.UpdateTracking(changes), call).ConfigureAwait(false);
        }

        /// <summary>
        /// Changes 1 to <see cref="ApiCapabilities.BatchSize"/> trackings with one request; one outcome per tracking, in order, each carrying the tracking
        /// as the account now holds it (read back with one list request by numbers, at the list's pace). After a lost
        /// answer whose resend failed too, the outcome is unknown: nothing in the account shows whether a change was made.
        /// </summary>
        /// <param name="singleForOne">A lone change goes to the single form (<see cref="ApiOperation.UpdateTracking"/>), whose answer is the full tracking.</param>
        public Task<IReadOnlyList<TrackingOutcome<TrackingUpdateRequest>>> UpdateTrackingsAsync(IReadOnlyList<TrackingUpdateRequest> changes, CallContext call,
            bool singleForOne = false) => Updates(singleForOne).SendAsync(this, CheckBulk(changes), singleForOne, call);

        /// <summary>What the caller gets is where the tracking lives now.</summary>
        public async Task<TrackingIdentity> ChangeCarrierAsync(CarrierChangeRequest change, CallContext call)
        {
            await AddressAsync(ApiOperation.ChangeCarrier, change, call).ConfigureAwait(false);
            var moved = await SendAsync(ApiOperation.ChangeCarrier, () => Dialect.ChangeCarrier(change), call).ConfigureAwait(false);
            if (change.Id != null) _ids.Moved(change, change.Id, change.NewCarrierCode);
            return moved;
        }

        /// <summary>
        /// On a version that addresses trackings by id (<see cref="ApiCapabilities.AddressesById"/>), looks up the ids
        /// of the trackings that carry none, one list request for each <see cref="ApiCapabilities.MaxListValues"/>
        /// numbers, and remembers them for this client's later updates and removals; on any other version, nothing.
        /// </summary>
        public Task PrefetchTrackingIdsAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call) =>
            Capabilities.AddressesById ? _ids.PrefetchAsync(this, trackings, call) : Task.CompletedTask;

        /// <summary>The same before items go one a request: a failed look-up is left to each item's own, which reports it against the item.</summary>
        internal async Task PrefetchTrackingIdsQuietlyAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call)
        {
            try
            {
                await PrefetchTrackingIdsAsync(trackings, call).ConfigureAwait(false);
            }
            catch (TrackingMoreApiException failure) when (!failure.IsAuthenticationFailure)
            {
                call.Verbose(Settings.Redact("Looking up the ids of " + trackings.Count + " trackings failed (" + failure.Message + "); each is looked up alone."));
            }
        }

        /// <summary>
        /// The service stops refreshing 1 to 40 trackings (track_update becomes false); one outcome per tracking, in
        /// order, each carrying the tracking as the account now holds it (read back with one list request by
        /// numbers). The endpoint has only a bulk form.
        /// </summary>
        public Task<IReadOnlyList<TrackingOutcome<TrackingIdentity>>> StopUpdatingAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call) =>
            StopsOfUpdating().SendAsync(this, CheckBulk(trackings), singleForOne: false, call);

        /// <summary>Asks the carrier now; limited per account by the version's realtime rate class, with its own gate.</summary>
        /// <remarks>Where realtime is a create (<see cref="ApiCapabilities.RealtimeCreates"/>), a number the account has already answers its stored result.</remarks>
        public async Task<Tracking> GetRealtimeTrackingAsync(RealtimeTrackingRequest tracking, CallContext call)
        {
            try
            {
                return await SendAsync(ApiOperation.GetRealtimeTracking, () => Dialect.GetRealtimeTracking(tracking), call).ConfigureAwait(false);
            }
            catch (TrackingMoreApiException failure) when (failure.Reason == FailureReason.AlreadyExists && Capabilities.RealtimeCreates)
            {
                return await GetTrackingAsync(tracking, tracking.Language, call).ConfigureAwait(false);
            }
        }

        public Task<TrackingStatusCount> GetStatusCountAsync(TrackingCountQuery query, CallContext call) =>
            SendAsync(ApiOperation.GetStatusCount, () => Dialect.GetStatusCount(query), call);

        public Task<TrackingAccount> GetAccountAsync(CallContext call) => SendAsync(ApiOperation.GetAccount, Dialect.GetAccount, call);

        /// <summary>
        /// One outcome per place, in the order given: its result, remote or not, or, for a place the service could not
        /// check, a <see cref="FailureReason.ItemRefused"/> failure in its words. Costs quota (one per five calls).
        /// </summary>
        public async Task<IReadOnlyList<ItemOutcome<RemoteAreaRequest, RemoteAreaResult>>> CheckRemoteAreasAsync(IReadOnlyList<RemoteAreaRequest> places, CallContext call)
        {
            var results = await SendAsync(ApiOperation.CheckRemoteAreas, () => Dialect.CheckRemoteAreas(CheckBulk(places), Settings.Redact), call).ConfigureAwait(false);
            return Outcomes(places, results, Capabilities.EndpointOf(ApiOperation.CheckRemoteAreas), result => result.Refusal);
        }

        /// <summary>One outcome per route, in the order given; a route the answer left out fails as <see cref="FailureReason.NotInAnswer"/>.</summary>
        public async Task<IReadOnlyList<ItemOutcome<TransitTimeRequest, TransitTime>>> GetTransitTimesAsync(IReadOnlyList<TransitTimeRequest> routes, CallContext call)
        {
            var results = await SendAsync(ApiOperation.GetTransitTimes, () => Dialect.GetTransitTimes(CheckBulk(routes)), call).ConfigureAwait(false);
            return Outcomes(routes, results, Capabilities.EndpointOf(ApiOperation.GetTransitTimes));
        }

        /// <summary>
        /// One outcome per number, in the order given; a number the answer left out fails as
        /// <see cref="FailureReason.NotInAnswer"/>. Costs 20 quota a number, so numbers that are not air waybill
        /// numbers are refused before anything is sent.
        /// </summary>
        public async Task<IReadOnlyList<ItemOutcome<string, AirWaybill>>> GetAirWaybillsAsync(IReadOnlyList<string> numbers, string? language, CallContext call)
        {
            Require(ApiOperation.GetAirWaybills);
            foreach (var number in numbers)
            {
                if (!AirWaybillNumbers.IsValid(number))
                    throw new ArgumentException("'" + number + "' is not an air waybill number (e.g. " + AirWaybillNumbers.Example + ").", nameof(numbers));
            }
            CheckBulk(numbers);
            var perRequest = Capabilities.AirWaybillsPerRequest;
            if (numbers.Count <= perRequest)
            {
                var results = await SendAsync(ApiOperation.GetAirWaybills, () => Dialect.GetAirWaybills(numbers, language), call).ConfigureAwait(false);
                return Outcomes(numbers, results, Capabilities.EndpointOf(ApiOperation.GetAirWaybills));
            }
            // A version that takes fewer numbers a request (v4: one): each request's failure is its numbers' alone.
            var outcomes = new List<ItemOutcome<string, AirWaybill>>(numbers.Count);
            for (var start = 0; start < numbers.Count; start += perRequest)
            {
                var chunk = numbers.Skip(start).Take(perRequest).ToArray();
                try
                {
                    outcomes.AddRange(await GetAirWaybillsAsync(chunk, language, call).ConfigureAwait(false));
                }
                catch (TrackingMoreApiException failure) when (!failure.IsAuthenticationFailure && !failure.IsOperationMissing)
                {
                    outcomes.AddRange(chunk.Select(number => ItemOutcome<string, AirWaybill>.Failed(number, failure)));
                }
            }
            return outcomes;
        }

        /// <summary>
        /// The outcome of each item asked from the answer's result for it (matched by the reader, in the order asked):
        /// none is <see cref="FailureReason.NotInAnswer"/>, one the service could not handle (<paramref name="refusal"/>
        /// gives its words) is <see cref="FailureReason.ItemRefused"/>.
        /// </summary>
        private static IReadOnlyList<ItemOutcome<TRequest, TResult>> Outcomes<TRequest, TResult>(IReadOnlyList<TRequest> asked, IReadOnlyList<TResult?> results,
            string endpoint, Func<TResult, string?>? refusal = null) where TRequest : class where TResult : class
        {
            var outcomes = new ItemOutcome<TRequest, TResult>[asked.Count];
            for (var i = 0; i < asked.Count; i++)
            {
                outcomes[i] = results[i] is not { } result ? ItemOutcome<TRequest, TResult>.Failed(asked[i], TrackingMoreApiException.NotInAnswer(asked[i], endpoint))
                    : refusal?.Invoke(result) is string reason ? ItemOutcome<TRequest, TResult>.Failed(asked[i], TrackingMoreApiException.Refused(asked[i], endpoint, reason))
                    : ItemOutcome<TRequest, TResult>.Answered(asked[i], result);
            }
            return outcomes;
        }

        public Task<IReadOnlyList<Carrier>> ListCarriersAsync(CallContext call) => SendAsync(ApiOperation.ListCarriers, Dialect.ListCarriers, call);

        /// <summary>The carriers whose numbers look like this one, most likely first. No match is <see cref="FailureReason.CarrierNotDetected"/>. Costs quota.</summary>
        public Task<IReadOnlyList<DetectedCarrier>> DetectCarrierAsync(string trackingNumber, CallContext call) =>
            SendAsync(ApiOperation.DetectCarrier, () => Dialect.DetectCarrier(trackingNumber), call);

        // Each bulk operation needs its bulk form, and the single form too when a lone item is to go there: both are
        // checked before anything is sent.
        private BulkOperation<NewTrackingRequest> Creations(bool singleForOne) => new BulkOperation<NewTrackingRequest>(
            Bulk(ApiOperation.CreateTrackings, singleForOne ? ApiOperation.CreateTracking : (ApiOperation?)null),
            (trackings, call) => SendAsync(ApiOperation.CreateTrackings, () => Dialect.CreateTrackings(trackings), call))
        {
            SendOne = async (tracking, call) => await CreateTrackingAsync(tracking, call).ConfigureAwait(false),
            DoneAfterResend = FailureReason.AlreadyExists,
            Check = LostAnswerCheck.PresentMeansDone,
        };

        private BulkOperation<TrackingIdentity> Deletions(bool singleForOne) => new BulkOperation<TrackingIdentity>(
            Bulk(ApiOperation.DeleteTrackings, singleForOne || EachAlone(ApiOperation.DeleteTrackings, ApiOperation.DeleteTracking) ? ApiOperation.DeleteTracking : (ApiOperation?)null),
            (trackings, call) => SendAsync(ApiOperation.DeleteTrackings, () => Dialect.DeleteTrackings(trackings), call))
        {
            EachAlone = EachAlone(ApiOperation.DeleteTrackings, ApiOperation.DeleteTracking),
            SendOne = async (tracking, call) =>
            {
                await DeleteTrackingAsync(tracking, call).ConfigureAwait(false);
                return null;
            },
            DoneAfterResend = FailureReason.NotFound,
            Check = LostAnswerCheck.AbsentMeansDone,
        };

        private BulkOperation<TrackingUpdateRequest> Updates(bool singleForOne) => new BulkOperation<TrackingUpdateRequest>(
            Bulk(ApiOperation.UpdateTrackings, singleForOne || EachAlone(ApiOperation.UpdateTrackings, ApiOperation.UpdateTracking) ? ApiOperation.UpdateTracking : (ApiOperation?)null),
            (changes, call) => SendAsync(ApiOperation.UpdateTrackings, () => Dialect.UpdateTrackings(changes), call))
        {
            EachAlone = EachAlone(ApiOperation.UpdateTrackings, ApiOperation.UpdateTracking),
            SendOne = async (change, call) => await UpdateTrackingAsync(change, call).ConfigureAwait(false),
            ReadBack = true,
            // The short form, and the list's record of a tracking not checked yet, leave archived out (Archived would
            // read false); a tracking updated has the value sent.
            Complete = (change, tracking) =>
            {
                if (change.Archived is bool archived) tracking.Archived = archived;
            },
        };

        private BulkOperation<TrackingIdentity> StopsOfUpdating() => new BulkOperation<TrackingIdentity>(Bulk(ApiOperation.StopUpdating, null),
            (trackings, call) => SendAsync(ApiOperation.StopUpdating, () => Dialect.StopUpdating(trackings), call))
        {
            ReadBack = true,
            // The short form, and the list's record of a tracking not checked yet, leave track_update out; a tracking
            // the endpoint did has stopped.
            Complete = (_, tracking) => tracking.TrackUpdate = false,
        };

        /// <summary>The bulk endpoint's text, once the version offers it (and the single form, when a lone item may go there).</summary>
        /// <summary>Whether the version lacks the bulk form but has the single one, so that the items go one a request.</summary>
        private bool EachAlone(ApiOperation bulk, ApiOperation single) => !Capabilities.Supports(bulk) && Capabilities.Supports(single);

        private string Bulk(ApiOperation bulk, ApiOperation? single)
        {
            if (single is ApiOperation one) Require(one);
            if (single is ApiOperation alone && !Capabilities.Supports(bulk)) return Capabilities.EndpointOf(alone);
            return Capabilities.EndpointOf(bulk);
        }

        /// <summary>
        /// The handler, once no handler of its chain follows redirects. Platform handlers say so by a bool property,
        /// AllowAutoRedirect (HttpClientHandler, SocketsHttpHandler) or AutomaticRedirection (WinHttpHandler); it is read
        /// by name, as netstandard2.0 has no SocketsHttpHandler to compile against.
        /// </summary>
        private static HttpMessageHandler RefusingRedirects(HttpMessageHandler handler)
        {
            if (handler is null) throw new ArgumentNullException(nameof(handler));
            for (HttpMessageHandler? current = handler; current != null; current = (current as DelegatingHandler)?.InnerHandler)
            {
                foreach (var name in new[] { "AllowAutoRedirect", "AutomaticRedirection" })
                {
                    if (current.GetType().GetProperty(name) is { PropertyType: var type } property && type == typeof(bool) && (bool)property.GetValue(current)!)
                        throw new ArgumentException(current.GetType().Name + "." + name + " is true: a handler that follows redirects would carry the API key " +
                                                    "to wherever a server points. Set it to false; every redirect then fails as TrackingMore.Redirected.", nameof(handler));
                }
                if (current is DelegatingHandler { InnerHandler: null })
                    throw new ArgumentException(current.GetType().Name + " has no InnerHandler: the chain must end in a handler that sends.", nameof(handler));
            }
            return handler;
        }

        /// <summary>Sends an operation's request as the dialect builds it, once the version is known to offer it.</summary>
        private Task<T> SendAsync<T>(ApiOperation operation, Func<DialectCall<T>> build, CallContext call)
        {
            Require(operation);
            var request = build();
            return _transport.SendAsync(request.Request, call, request.Read);
        }

        /// <summary>
        /// Where the version addresses trackings by id, fills in the request's id (remembered, or looked up by number
        /// and carrier: NotFound or Ambiguous when not exactly one tracking answers). The operation is checked first,
        /// so a version that lacks it sends nothing, not even the look-up.
        /// </summary>
        private async Task AddressAsync(ApiOperation operation, TrackingIdentity tracking, CallContext call)
        {
            Require(operation);
            if (Capabilities.AddressesById && tracking.Id == null)
                tracking.Id = await _ids.IdOfAsync(this, tracking, call, Capabilities.EndpointOf(operation)).ConfigureAwait(false);
        }

        /// <summary>Fails with <see cref="FailureReason.NotSupported"/>, before anything is sent, when the version lacks the operation.</summary>
        private void Require(ApiOperation operation)
        {
            if (!Capabilities.Supports(operation)) throw Capabilities.NotSupported(operation);
        }

        private List<T> CheckBulk<T>(IReadOnlyList<T> items)
        {
            if (items.Count == 0 || items.Count > Capabilities.BatchSize)
                throw new ArgumentOutOfRangeException(nameof(items), items.Count, "A bulk request takes 1 to " + Capabilities.BatchSize + " items.");
            return new List<T>(items);
        }
    }
}
