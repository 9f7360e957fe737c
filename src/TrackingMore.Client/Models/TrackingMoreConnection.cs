using System;
using TrackingMore.Api;

namespace TrackingMore.Models
{
    /// <summary>
    /// A connection to the API as Connect-TrackingMore -PassThru and Get-TrackingMoreConnection show it: where, as
    /// whom (the key masked) and with what limits. It describes the connection and holds no secret: the key and the
    /// client that uses it stay with the module, which finds them from this object when it is passed to -Connection.
    /// </summary>
    public sealed class TrackingMoreConnection
    {
        public TrackingMoreConnection(ConnectionSettings settings, string source, DateTimeOffset connectedAt)
        {
            if (settings is null) throw new ArgumentNullException(nameof(settings));
            BaseUri = settings.BaseUri;
            ApiVersion = settings.ApiVersion;
            Capabilities = settings.Capabilities;
            ApiKey = settings.MaskedKey;
            MaximumRetryCount = settings.MaximumRetryCount;
            TimeoutSec = (int)settings.Timeout.TotalSeconds;
            MaximumResponseSizeMB = (int)(settings.MaximumResponseBytes / (1024 * 1024));
            ListRequestsPerSecond = settings.RateLimitOf(EndpointClass.List);
            Source = source;
            ConnectedAt = connectedAt;
            _text = settings.ToString();
        }

        private readonly string _text;

        public Uri BaseUri { get; }

        /// <summary>The API version the connection speaks (Connect-TrackingMore -ApiVersion).</summary>
        public ApiVersion ApiVersion { get; }

        /// <summary>What that version offers and allows: operations, batch size, page size, rate classes.</summary>
        public ApiCapabilities Capabilities { get; }

        /// <summary>The key, masked: never more than its last four characters.</summary>
        public string ApiKey { get; }

        public int MaximumRetryCount { get; }
        public int TimeoutSec { get; }

        /// <summary>The largest answer accepted, in megabytes once decompressed.</summary>
        public int MaximumResponseSizeMB { get; }

        /// <summary>Requests per second Get-Tracking may start; 0 when pacing is off.</summary>
        public double ListRequestsPerSecond { get; }

        /// <summary>"Parameter" when Connect-TrackingMore was given the key, "Environment" when it came from $env:TRACKINGMORE_API_KEY.</summary>
        public string Source { get; }

        public DateTimeOffset ConnectedAt { get; }

        public override string ToString() => _text;
    }
}
