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

        internal void MarkResent() => Resent = true;
    }
}
