using System.Collections.Generic;
using System.Linq;

namespace TrackingMore.Api
{
    /// <summary>What became of one attempt of a call, as far as the client can know.</summary>
    internal enum AttemptOutcome
    {
        /// <summary>The request never reached the service (connection refused, no route, no such host, TLS refused).</summary>
        NotSent,
        /// <summary>Refused by the rate limit (429): the service says it did nothing.</summary>
        RateLimited,
        /// <summary>The service answered, with success or an error of its own.</summary>
        Answered,
        /// <summary>The request went out and its answer did not come back: the connection dropped, or a gateway (502, 503, 504) answered in the service's place.</summary>
        AnswerLost,
        /// <summary>The request went out and no answer came within the timeout.</summary>
        TimedOut,
    }

    /// <summary>
    /// The attempts of one call, in order, as the transport saw them; the bulk rules decide from it what an answer
    /// means for the work (see <see cref="BulkOperation{TRequest}"/>). One call's attempts run one after another.
    /// </summary>
    internal sealed class AttemptRecord
    {
        private readonly List<AttemptOutcome> _attempts = new List<AttemptOutcome>();

        public IReadOnlyList<AttemptOutcome> Attempts => _attempts;

        /// <summary>
        /// An attempt went out and its answer never came, whether or not a resend followed: the service may have done
        /// the work. A rate-limited attempt or one never sent did nothing, so it does not count.
        /// </summary>
        public bool MayHaveBeenDone => _attempts.Any(attempt => attempt is AttemptOutcome.AnswerLost or AttemptOutcome.TimedOut);

        public void Add(AttemptOutcome outcome) => _attempts.Add(outcome);

        public override string ToString() => string.Join(", ", _attempts);
    }
}
