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
        {
            CancellationToken = cancellationToken;
            _verbose = verbose;
        }

        public static CallContext None { get; } = new CallContext(CancellationToken.None);

        public CancellationToken CancellationToken { get; }

        public void Verbose(string message) => _verbose?.Invoke(message);

        /// <summary>
        /// True once an attempt of this call ended in a way that leaves its outcome open — the connection dropped or
        /// timed out after the request went out, a gateway failed — whether or not a resend followed: the service may
        /// have done the work. A rate-limit answer says it did not, and marks nothing. So "already exists" (or "does
        /// not exist") for one's own items means done only after such an attempt.
        /// </summary>
        internal bool MayHaveBeenDone { get; private set; }

        /// <summary>
        /// The same cancellation and sink with marks of its own, for one request whose marks the client reads: a
        /// caller may lend one context to many calls (<see cref="None"/> is shared by all), and an earlier call's
        /// resend says nothing about this one.
        /// </summary>
        internal CallContext ForOneRequest() => new CallContext(CancellationToken, _verbose);

        internal void MarkOpenOutcome() => MayHaveBeenDone = true;
    }
}
