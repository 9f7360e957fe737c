using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>How one item of a bulk call ended.</summary>
    public enum OutcomeKind
    {
        /// <summary>The API did it and said so.</summary>
        Succeeded,
        /// <summary>
        /// An earlier attempt whose answer was lost did it: the resend was told "already exists" (creating) or "does
        /// not exist" (removing), or the account shows the item done.
        /// </summary>
        DoneByEarlierAttempt,
        /// <summary>The API refused the item, the request carrying it failed, or its answer left it out: <see cref="TrackingOutcome{TRequest}.Failure"/> says which.</summary>
        Failed,
        /// <summary>
        /// An attempt's answer was lost or timed out (resent or not), the last attempt failed, and the account could
        /// not show whether the work was done. <see cref="TrackingOutcome{TRequest}.Failure"/> is the last attempt's failure.
        /// </summary>
        Unknown,
    }

    /// <summary>What became of one item of a bulk call; bulk methods return one per item sent, in the order sent.</summary>
    public sealed class TrackingOutcome<TRequest> where TRequest : TrackingIdentity
    {
        internal TrackingOutcome(TRequest request, OutcomeKind kind, Tracking? tracking, TrackingMoreApiException? failure)
        {
            Request = request;
            Kind = kind;
            Tracking = tracking;
            Failure = failure;
        }

        /// <summary>The item as it was sent.</summary>
        public TRequest Request { get; }

        public OutcomeKind Kind { get; }

        /// <summary>The tracking as the API answered it or the account holds it; null where there is none (a removal).</summary>
        public Tracking? Tracking { get; }

        /// <summary>Why the item failed, or the last failure of an unknown outcome; null when it was done.</summary>
        public TrackingMoreApiException? Failure { get; }

        public bool IsDone => Kind == OutcomeKind.Succeeded || Kind == OutcomeKind.DoneByEarlierAttempt;

        public override string ToString() => Request + ": " + Kind;
    }
}
