using System.Collections.Generic;
using System.Threading.Tasks;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// What a caller of the TrackingMore API can ask, whatever version of the API answers: the cmdlets hold this, so a
    /// test double fits behind them. <see cref="TrackingMoreClient"/> speaks the version its settings name.
    /// Every failure is a <see cref="TrackingMoreApiException"/>; calls that carry several items answer one outcome per
    /// item, in order; an operation the version lacks (<see cref="Capabilities"/>) fails with
    /// <see cref="FailureReason.NotSupported"/> before anything is sent.
    /// </summary>
    public interface ITrackingMoreClient
    {
        /// <summary>Where and as whom this client calls.</summary>
        ConnectionSettings Settings { get; }

        /// <summary>What the connection's API version offers and allows (operations, batch size, page size, rate classes).</summary>
        ApiCapabilities Capabilities { get; }

        Task<Tracking> CreateTrackingAsync(NewTrackingRequest tracking, CallContext call);

        /// <summary>Creates 1 to 40 trackings; one outcome per tracking, in order.</summary>
        /// <param name="singleForOne">A lone tracking goes to the API's single form, whose answer is the full tracking.</param>
        Task<IReadOnlyList<TrackingOutcome<NewTrackingRequest>>> CreateTrackingsAsync(IReadOnlyList<NewTrackingRequest> trackings, CallContext call,
            bool singleForOne = false);

        Task<Tracking> GetTrackingAsync(TrackingIdentity tracking, string? language, CallContext call);

        /// <summary>One page of the list, as <paramref name="query"/> asks.</summary>
        Task<TrackingPage> ListTrackingsAsync(TrackingListQuery query, CallContext call);

        /// <summary>Every page from <paramref name="query"/>'s page on, each holding only trackings not handed out before.</summary>
        /// <param name="skip">Items of the first page to leave out.</param>
        /// <param name="pinSnapshot">Pages after the first list only trackings created by the time the service answered the first.</param>
        IAsyncEnumerable<TrackingPage> ListAllAsync(TrackingListQuery query, CallContext call, int skip = 0, bool pinSnapshot = true);

        /// <summary>
        /// The part of one or more listings (one query each, e.g. one per status) that <paramref name="range"/> asks
        /// for, counted across them in order as one list; only the pages needed are asked for.
        /// </summary>
        TrackingListWalk ListAsync(IReadOnlyList<TrackingListQuery> listings, TrackingListRange range, CallContext call);

        /// <summary>What the account holds under each number, whatever the carrier: one result per number, in order.</summary>
        Task<IReadOnlyList<TrackingLookup>> FindTrackingsAsync(IReadOnlyList<string> numbers, string? language, CallContext call);

        Task DeleteTrackingAsync(TrackingIdentity tracking, CallContext call);

        /// <summary>Removes 1 to 40 trackings; one outcome per tracking, in order.</summary>
        Task<IReadOnlyList<TrackingOutcome<TrackingIdentity>>> DeleteTrackingsAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call,
            bool singleForOne = false);

        Task<Tracking> UpdateTrackingAsync(TrackingUpdateRequest changes, CallContext call);

        /// <summary>Changes 1 to 40 trackings; one outcome per tracking, in order, each with the tracking as the account now holds it.</summary>
        Task<IReadOnlyList<TrackingOutcome<TrackingUpdateRequest>>> UpdateTrackingsAsync(IReadOnlyList<TrackingUpdateRequest> changes, CallContext call,
            bool singleForOne = false);

        /// <summary>Moves a tracking to another carrier; the answer is where the tracking lives now.</summary>
        Task<TrackingIdentity> ChangeCarrierAsync(CarrierChangeRequest change, CallContext call);

        /// <summary>The service stops refreshing 1 to 40 trackings; one outcome per tracking, in order.</summary>
        Task<IReadOnlyList<TrackingOutcome<TrackingIdentity>>> StopUpdatingAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call);

        /// <summary>Asks the carrier now.</summary>
        Task<Tracking> GetRealtimeTrackingAsync(RealtimeTrackingRequest tracking, CallContext call);

        Task<TrackingStatusCount> GetStatusCountAsync(TrackingCountQuery query, CallContext call);

        Task<TrackingAccount> GetAccountAsync(CallContext call);

        /// <summary>One outcome per place, in the order given: remote or not, or why the service could not check it. Costs quota.</summary>
        Task<IReadOnlyList<ItemOutcome<RemoteAreaRequest, RemoteAreaResult>>> CheckRemoteAreasAsync(IReadOnlyList<RemoteAreaRequest> places, CallContext call);

        /// <summary>One outcome per route, in the order given.</summary>
        Task<IReadOnlyList<ItemOutcome<TransitTimeRequest, TransitTime>>> GetTransitTimesAsync(IReadOnlyList<TransitTimeRequest> routes, CallContext call);

        /// <summary>One outcome per air waybill number, in the order given. Costs quota.</summary>
        Task<IReadOnlyList<ItemOutcome<string, AirWaybill>>> GetAirWaybillsAsync(IReadOnlyList<string> numbers, string? language, CallContext call);

        Task<IReadOnlyList<Carrier>> ListCarriersAsync(CallContext call);

        /// <summary>The carriers whose numbers look like this one, most likely first. Costs quota.</summary>
        Task<IReadOnlyList<DetectedCarrier>> DetectCarrierAsync(string trackingNumber, CallContext call);
    }
}
