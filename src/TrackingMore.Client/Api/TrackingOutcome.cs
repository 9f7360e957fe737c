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

    /// <summary>
    /// What became of one item of a call that carries several (a bulk call, a route question): its result, or why it
    /// has none. Such calls return one per item sent, in the order sent.
    /// </summary>
    public class ItemOutcome<TRequest, TResult> where TRequest : class where TResult : class
    {
        internal ItemOutcome(TRequest request, TResult? result, TrackingMoreApiException? failure)
        {
            Request = request;
            Result = result;
            Failure = failure;
        }

        internal static ItemOutcome<TRequest, TResult> Answered(TRequest request, TResult result) => new ItemOutcome<TRequest, TResult>(request, result, null);

        internal static ItemOutcome<TRequest, TResult> Failed(TRequest request, TrackingMoreApiException failure) => new ItemOutcome<TRequest, TResult>(request, null, failure);

        /// <summary>The item as it was sent.</summary>
        public TRequest Request { get; }

        /// <summary>What the API answered for the item; null when it failed, or where a done item has nothing to show (a removal).</summary>
        public TResult? Result { get; }

        /// <summary>
        /// Why the item failed (refused, left out of the answer, or its request failed), or the last failure of an
        /// unknown bulk outcome; null when it was done.
        /// </summary>
        public TrackingMoreApiException? Failure { get; }

        public virtual bool IsDone => Failure == null;

        public override string ToString() => Request + ": " + (IsDone ? "done" : Failure!.ErrorId);
    }

    /// <summary>What became of one item of a bulk tracking call; bulk methods return one per item sent, in the order sent.</summary>
    public sealed class TrackingOutcome<TRequest> : ItemOutcome<TRequest, Tracking> where TRequest : TrackingIdentity
    {
        internal TrackingOutcome(TRequest request, OutcomeKind kind, Tracking? tracking, TrackingMoreApiException? failure)
            : base(request, tracking, failure)
        {
            Kind = kind;
        }

        public OutcomeKind Kind { get; }

        /// <summary>The tracking as the API answered it or the account holds it; null where there is none (a removal).</summary>
        public Tracking? Tracking => Result;

        public override bool IsDone => Kind == OutcomeKind.Succeeded || Kind == OutcomeKind.DoneByEarlierAttempt;

        public override string ToString() => Request + ": " + Kind;
    }
}
