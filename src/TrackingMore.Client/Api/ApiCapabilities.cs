using System;
using System.Collections.Generic;
using System.Linq;
using TrackingMore.Dialects;

namespace TrackingMore.Api
{
    /// <summary>
    /// What one API version offers and allows: its operations, how many items a bulk request carries, how large a
    /// page may be, how many values a list filter takes and the published rate of each endpoint class. It comes from
    /// the version's dialect; callers read it here instead of assuming one version's numbers.
    /// </summary>
    public sealed class ApiCapabilities
    {
        private readonly IReadOnlyDictionary<ApiOperation, string> _endpoints;

        /// <param name="endpoints">Each operation the version offers, with the endpoint text its messages name.</param>
        /// <param name="airWaybillsPerRequest">How many numbers one air waybill request takes (v4: one); by default the batch size.</param>
        /// <param name="realtimeCreates">Whether the realtime call is a create that answers the tracking (v4), so that a tracking the account has already is read instead.</param>
        /// <param name="setsStatusByHand">Whether an update may set the status by hand (v2's delivered, exception, back to the carrier's).</param>
        /// <param name="addressesById">Whether updates and removals name a tracking by its id (v4) rather than by number and carrier (v2).</param>
        /// <param name="shortPageEndsListing">Whether a page shorter than asked is the list's last (v2, which reports a total); else only an empty page is (v4: a short page may be a server's cap).</param>
        internal ApiCapabilities(ApiVersion version, int batchSize, int maxPageSize, int maxListValues,
            IReadOnlyDictionary<EndpointClass, double> rateLimits, IReadOnlyDictionary<ApiOperation, string> endpoints, bool shortPageEndsListing = true,
            bool addressesById = false, bool setsStatusByHand = true, bool realtimeCreates = false, int? airWaybillsPerRequest = null)
        {
            AirWaybillsPerRequest = airWaybillsPerRequest ?? batchSize;
            RealtimeCreates = realtimeCreates;
            SetsStatusByHand = setsStatusByHand;
            ShortPageEndsListing = shortPageEndsListing;
            AddressesById = addressesById;
            Version = version;
            BatchSize = batchSize;
            MaxPageSize = maxPageSize;
            MaxListValues = maxListValues;
            RateLimits = rateLimits;
            RateClasses = rateLimits.Keys.OrderBy(rateClass => rateClass).ToArray();
            _endpoints = endpoints;
            Operations = endpoints.Keys.OrderBy(operation => operation).ToArray();
        }

        /// <summary>The capabilities of <paramref name="version"/>.</summary>
        public static ApiCapabilities Of(ApiVersion version) => ApiDialect.For(version).Capabilities;

        public ApiVersion Version { get; }

        /// <summary>The most items one bulk request carries (create, change, remove, stop updating; the route calls too).</summary>
        public int BatchSize { get; }

        /// <summary>The most trackings one page of the list holds.</summary>
        public int MaxPageSize { get; }

        /// <summary>The most values a list filter (numbers, order ids) takes in one request.</summary>
        public int MaxListValues { get; }

        /// <summary>Whether a page shorter than asked for ends a listing; if not, only an empty page does (the listing asks one page more).</summary>
        public bool ShortPageEndsListing { get; }

        /// <summary>
        /// Whether the version updates and removes a tracking by its id: the client then takes the request's
        /// <see cref="Models.TrackingIdentity.Id"/>, or looks the id up by number and carrier (one list request for up
        /// to <see cref="MaxListValues"/> numbers, remembered per client).
        /// </summary>
        public bool AddressesById { get; }

        /// <summary>Whether an update may set a tracking's status by hand (<see cref="TrackingUpdateRequest.Status"/>); if not, one that does is refused before anything is sent.</summary>
        public bool SetsStatusByHand { get; }

        /// <summary>
        /// Whether the realtime call creates the tracking and answers it with the carrier's results (v4 has no
        /// realtime call of its own): for a number the account has already, the client answers its stored result.
        /// </summary>
        public bool RealtimeCreates { get; }

        /// <summary>How many numbers one air waybill request carries (v2 the batch size, v4 one): more are sent as several requests.</summary>
        public int AirWaybillsPerRequest { get; }

        /// <summary>The endpoint classes the version paces apart (each with its own rate: <see cref="RateLimitOf"/>).</summary>
        public IReadOnlyList<EndpointClass> RateClasses { get; }

        /// <summary>The published requests per second of an endpoint class; 0: not limited.</summary>
        public double RateLimitOf(EndpointClass endpointClass) => RateLimits.TryGetValue(endpointClass, out var limit) ? limit : 0;

        /// <summary>
        /// The same as a dictionary, for the settings' defaults. Internal: a dictionary keyed by an enum is what
        /// ConvertTo-Json cannot write, and the connection that carries these capabilities must stay writable.
        /// </summary>
        internal IReadOnlyDictionary<EndpointClass, double> RateLimits { get; }

        /// <summary>The operations this version offers, in the order of <see cref="ApiOperation"/>.</summary>
        public IReadOnlyList<ApiOperation> Operations { get; }

        public bool Supports(ApiOperation operation) => _endpoints.ContainsKey(operation);

        /// <summary>
        /// The endpoint an operation's messages and <see cref="TrackingMoreApiException.Endpoint"/> name (method and
        /// path template); <see cref="FailureReason.NotSupported"/> for an operation the version lacks.
        /// </summary>
        public string EndpointOf(ApiOperation operation) =>
            _endpoints.TryGetValue(operation, out var endpoint) ? endpoint : throw NotSupported(operation);

        /// <summary>
        /// The failure of asking for an operation this version lacks, thrown before anything is sent: it names the
        /// version and the versions that offer the operation.
        /// </summary>
        internal TrackingMoreApiException NotSupported(ApiOperation operation)
        {
            var offering = ((ApiVersion[])Enum.GetValues(typeof(ApiVersion))).Where(version => version != Version && Of(version).Supports(operation)).ToArray();
            return new TrackingMoreApiException(FailureReason.NotSupported,
                "API version " + Version + " does not offer " + operation + "; " +
                (offering.Length > 0 ? "API version " + string.Join(" or ", offering) + " does." : "no version this client speaks offers it.") +
                " Nothing was sent.", operation.ToString());
        }

        /// <summary>The same version without one operation (a dialect or a test that withholds it).</summary>
        internal ApiCapabilities Without(ApiOperation operation) => new ApiCapabilities(Version, BatchSize, MaxPageSize, MaxListValues, RateLimits,
            _endpoints.Where(entry => entry.Key != operation).ToDictionary(entry => entry.Key, entry => entry.Value), ShortPageEndsListing, AddressesById, SetsStatusByHand, RealtimeCreates, AirWaybillsPerRequest);

        public override string ToString() => "API " + Version + ": " + Operations.Count + " operations, " + BatchSize + " items a bulk request, pages of up to " + MaxPageSize;
    }
}
