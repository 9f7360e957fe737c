using System.Collections.Generic;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// What the account holds under one tracking number asked for, whatever the carrier: usually one tracking, more
    /// when the number is followed under several carriers, none when it is not followed (then <see cref="Failure"/>
    /// fails as <see cref="FailureReason.NotFound"/>, as the single GET would).
    /// </summary>
    public sealed class TrackingLookup
    {
        internal TrackingLookup(string trackingNumber, IReadOnlyList<Tracking> trackings, TrackingMoreApiException? failure)
        {
            TrackingNumber = trackingNumber;
            Trackings = trackings;
            Failure = failure;
        }

        /// <summary>The number as asked for.</summary>
        public string TrackingNumber { get; }

        public IReadOnlyList<Tracking> Trackings { get; }

        /// <summary>Why nothing came back for this number: not in the account (<see cref="FailureReason.NotFound"/>), or the request for it failed.</summary>
        public TrackingMoreApiException? Failure { get; }
    }
}
