using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace TrackingMore.Api
{
    /// <summary>
    /// The time the client lives by: rate-gate spacing, retry back-off and Retry-After dates (a listing's snapshot
    /// is pinned by the service's clock, not this one). One seam so that tests run paging, retries and gates in simulated time, with nothing measured on the wall clock.
    /// </summary>
    internal abstract class ApiClock
    {
        /// <summary>The machine's clock.</summary>
        public static ApiClock System { get; } = new SystemClock();

        /// <summary>Monotonic time since the clock began; only differences mean anything.</summary>
        public abstract TimeSpan Elapsed { get; }

        public abstract DateTimeOffset UtcNow { get; }

        public abstract Task Delay(TimeSpan delay, CancellationToken cancellationToken);

        /// <summary>
        /// The rate gates of every client living by this clock, by account, endpoint class and rate: with the
        /// machine's clock, one set for the whole process, so parallel runspaces stay inside an account's limit together.
        /// </summary>
        internal ConcurrentDictionary<string, RateGate> Gates { get; } = new ConcurrentDictionary<string, RateGate>();

        private sealed class SystemClock : ApiClock
        {
            private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

            public override TimeSpan Elapsed => _stopwatch.Elapsed;

            public override DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

            public override Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
        }
    }
}
