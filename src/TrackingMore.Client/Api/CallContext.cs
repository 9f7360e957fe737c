using System;
using System.Threading;

namespace TrackingMore.Api
{
    /// <summary>
    /// What a caller lends one API call: its cancellation (Ctrl+C) and somewhere to say what is happening
    /// (retries, waits). The client runs on pool threads, so the sink must be safe to call from any thread.
    /// </summary>
    public sealed class CallContext
    {
        private readonly Action<string>? _verbose;

        public CallContext(CancellationToken cancellationToken, Action<string>? verbose = null)
            : this(cancellationToken, verbose, null)
        {
        }

        private CallContext(CancellationToken cancellationToken, Action<string>? verbose, AttemptRecord? attempts)
        {
            CancellationToken = cancellationToken;
            _verbose = verbose;
            Attempts = attempts;
        }

        public static CallContext None { get; } = new CallContext(CancellationToken.None);

        public CancellationToken CancellationToken { get; }

        public void Verbose(string message) => _verbose?.Invoke(message);

        /// <summary>
        /// What became of each attempt of the one request this context was made for (<see cref="ForOneRequest"/>);
        /// null on a caller's context, which may be lent to many calls and records nothing.
        /// </summary>
        internal AttemptRecord? Attempts { get; }

        /// <summary>
        /// The same cancellation and sink with a record of its own attempts, for one request whose attempts the client
        /// reads: a caller may lend one context to many calls (<see cref="None"/> is shared by all), and an earlier
        /// call's attempts say nothing about this one.
        /// </summary>
        internal CallContext ForOneRequest() => new CallContext(CancellationToken, _verbose, new AttemptRecord());
    }
}
