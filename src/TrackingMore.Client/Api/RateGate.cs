using System;
using System.Threading;
using System.Threading.Tasks;

namespace TrackingMore.Api
{
    /// <summary>The API's rate limits apply per account and per class of endpoint.</summary>
    public enum EndpointClass
    {
        /// <summary>GET /trackings/get: one request per second on the real service.</summary>
        List,
        /// <summary>POST /trackings/realtime: three requests per second on the real service.</summary>
        Realtime,
        /// <summary>Everything else: no published limit, so no gate unless the user sets one.</summary>
        Other,
    }

    /// <summary>
    /// Spaces request <em>starts</em>: at most <see cref="Permits"/> starts in any window of <see cref="Window"/>.
    /// A caller reserves its slot under a lock and then waits outside it, so waits are cancellable and callers
    /// are served in arrival order. A cancelled wait gives its slot up only by leaving it unused, which errs on the safe side.
    /// The first request through a new gate goes alone (see <see cref="Settle"/>), and a rate-limit answer holds
    /// every caller back (<see cref="HoldBack"/>).
    /// </summary>
    internal sealed class RateGate
    {
        private readonly ApiClock _clock;
        private readonly object _lock = new object();
        private readonly TimeSpan[] _recentStarts;
        private readonly TaskCompletionSource<bool> _firstSettled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _oldest;
        private bool _firstTaken;
        private TimeSpan _heldUntil = TimeSpan.MinValue;
        private volatile bool _warm;

        public RateGate(int permits, TimeSpan window, ApiClock? clock = null)
        {
            if (permits < 1) throw new ArgumentOutOfRangeException(nameof(permits));
            _clock = clock ?? ApiClock.System;
            Permits = permits;
            Window = window;
            _recentStarts = new TimeSpan[permits];
            for (var i = 0; i < permits; i++) _recentStarts[i] = TimeSpan.MinValue;
        }

        public int Permits { get; }
        public TimeSpan Window { get; }

        /// <summary>
        /// The gate for an account, endpoint class and rate, shared by every client on the same clock (every runspace
        /// of the process, with the machine's clock) so that parallel pipelines stay inside the account's limit
        /// together. The spacing carries a small margin because the server measures arrivals, and the first request of a
        /// connection arrives later than the ones after it.
        /// </summary>
        /// <param name="requestsPerSecond">0 or less: no gate.</param>
        public static RateGate For(string accountId, EndpointClass endpointClass, double requestsPerSecond, ApiClock? clock = null)
        {
            clock ??= ApiClock.System;
            if (requestsPerSecond <= 0 || double.IsInfinity(requestsPerSecond)) return Unlimited;
            var permits = Math.Max(1, (int)Math.Floor(requestsPerSecond));
            var window = TimeSpan.FromSeconds(permits / requestsPerSecond) + ArrivalMargin;
            var key = accountId + "|" + endpointClass + "|" + requestsPerSecond.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            return clock.Gates.GetOrAdd(key, _ => new RateGate(permits, window, clock));
        }

        private static readonly TimeSpan ArrivalMargin = TimeSpan.FromMilliseconds(25);

        /// <summary>A gate that never waits.</summary>
        public static RateGate Unlimited { get; } = new RateGate(1, TimeSpan.Zero);

        /// <summary>Waits until a request may start, then counts it as started.</summary>
        /// <returns>The slot the request holds, for <see cref="Settle"/>; -1 for a gate that never waits.</returns>
        public async Task<int> WaitAsync(CancellationToken cancellationToken)
        {
            if (Window == TimeSpan.Zero) return -1;
            if (!_warm)
            {
                bool first;
                lock (_lock)
                {
                    first = !_firstTaken;
                    _firstTaken = true;
                }
                if (!first) await WhenFirstSettledAsync(cancellationToken).ConfigureAwait(false);
            }
            TimeSpan delay;
            int slot;
            lock (_lock)
            {
                var now = _clock.Elapsed;
                slot = _oldest;
                var earliest = _recentStarts[slot] == TimeSpan.MinValue ? now : _recentStarts[slot] + Window;
                if (_heldUntil > earliest) earliest = _heldUntil;
                var start = earliest > now ? earliest : now;
                _recentStarts[slot] = start;
                _oldest = (_oldest + 1) % Permits;
                delay = start - now;
            }
            if (delay <= TimeSpan.Zero) return slot;
            do
            {
                await _clock.Delay(delay, cancellationToken).ConfigureAwait(false);
                // A rate-limit answer to another caller may have come in while this one waited.
                lock (_lock)
                {
                    var now = _clock.Elapsed;
                    delay = _heldUntil > now ? _heldUntil - now : TimeSpan.Zero;
                }
            }
            while (delay > TimeSpan.Zero);
            // A timer may fire late; the next start is spaced from when this one really started.
            RaiseStart(slot, _clock.Elapsed);
            return slot;
        }

        /// <summary>
        /// Called when a request's answer (or failure) is in. The first request through a gate opens the connection
        /// and compiles the HTTP stack on the way, so it reaches the server well after it "started" here; the
        /// server measures arrivals. So that request goes alone: the others wait for its answer, and the next is
        /// spaced from that answer instead. Later requests stay spaced start to start.
        /// </summary>
        public void Settle(int slot)
        {
            if (slot < 0 || _warm) return;
            RaiseStart(slot, _clock.Elapsed);
            _warm = true;
            _firstSettled.TrySetResult(true);
        }

        /// <summary>
        /// The server said the account is over its limit: no request through this gate starts before
        /// <paramref name="delay"/> has passed, whichever runspace sends it, including those already waiting.
        /// </summary>
        public void HoldBack(TimeSpan delay)
        {
            if (Window == TimeSpan.Zero) return;
            lock (_lock)
            {
                var until = _clock.Elapsed + delay;
                if (until > _heldUntil) _heldUntil = until;
            }
        }

        private async Task WhenFirstSettledAsync(CancellationToken cancellationToken)
        {
            if (_firstSettled.Task.IsCompleted) return;
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            {
                await (await Task.WhenAny(_firstSettled.Task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        private void RaiseStart(int slot, TimeSpan actual)
        {
            lock (_lock)
            {
                if (actual > _recentStarts[slot]) _recentStarts[slot] = actual;
            }
        }
    }
}
