using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// The connection of one runspace: where the API is and the client that calls it. Shown by
    /// Get-TrackingMoreConnection with the key masked; the key itself is not reachable from this object.
    /// </summary>
    public sealed class TrackingMoreConnection
    {
        private static readonly ConditionalWeakTable<Runspace, TrackingMoreConnection> ByRunspace =
            new ConditionalWeakTable<Runspace, TrackingMoreConnection>();

        internal TrackingMoreConnection(ConnectionSettings settings, string source)
        {
            Client = new TrackingMoreClient(settings);
            Source = source;
            ConnectedAt = DateTimeOffset.Now;
        }

        public Uri BaseUri => Client.Settings.BaseUri;

        /// <summary>The key, masked: never more than its last four characters.</summary>
        public string ApiKey => Client.Settings.MaskedKey;

        public int MaximumRetryCount => Client.Settings.MaximumRetryCount;
        public int TimeoutSec => (int)Client.Settings.Timeout.TotalSeconds;

        /// <summary>The largest answer accepted, in megabytes once decompressed.</summary>
        public int MaximumResponseSizeMB => (int)(Client.Settings.MaximumResponseBytes / (1024 * 1024));

        /// <summary>Requests per second Get-Tracking may start; 0 when pacing is off.</summary>
        public double ListRequestsPerSecond => Client.Settings.RateLimitOf(EndpointClass.List);

        /// <summary>"Parameter" when Connect-TrackingMore was given the key, "Environment" when it came from $env:TRACKINGMORE_API_KEY.</summary>
        public string Source { get; }

        public DateTimeOffset ConnectedAt { get; }

        internal TrackingMoreClient Client { get; }

        /// <summary>
        /// The carriers of the last Get-TrackingCarrier on this connection, or null before it: Get-TrackingCarrier
        /// answers from it, and tab completion of carrier codes reads it without calling the API.
        /// </summary>
        internal IReadOnlyList<Carrier>? CarrierCache { get; set; }

        public override string ToString() => Client.Settings.ToString();

        /// <summary>The connection of the runspace running the caller, or null.</summary>
        internal static TrackingMoreConnection? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && ByRunspace.TryGetValue(runspace, out var connection) ? connection : null;
            }
            set
            {
                var runspace = Runspace.DefaultRunspace ?? throw new InvalidOperationException("No runspace is running this command.");
                ByRunspace.Remove(runspace);
                if (value != null) ByRunspace.Add(runspace, value);
            }
        }
    }
}
