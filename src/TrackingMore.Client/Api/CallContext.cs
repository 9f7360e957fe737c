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
        /// True once a request of this call was sent again after a failure. The first attempt may have been carried
        /// out with only its answer lost, so "already exists" for one's own items can then mean success.
        /// </summary>
        public bool Resent { get; private set; }

        /// <summary>
        /// True once an attempt of this call failed in a way that leaves its outcome open (a dropped connection, a
        /// gateway error): the service may have done the work. A rate-limit answer says it did not.
        /// </summary>
        public bool MayHaveBeenDone { get; private set; }

        internal void MarkResent(bool afterAnOpenOutcome)
        {
            Resent = true;
            MayHaveBeenDone |= afterAnOpenOutcome;
        }
    }
}
