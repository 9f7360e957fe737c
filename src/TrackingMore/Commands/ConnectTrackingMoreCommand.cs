using System;
using System.Collections.Generic;
using System.Management.Automation;
using TrackingMore.Models;
using System.Security;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Connects this runspace to the TrackingMore API (or the emulator), checking the key with one request that
    /// costs no quota (GET /trackings/getuserinfo) unless -SkipCheck; a refused key or an unreachable service fails
    /// here, and the runspace keeps the connection it had.
    /// </summary>
    [Cmdlet(VerbsCommunications.Connect, "TrackingMore")]
    [OutputType(typeof(TrackingMoreConnection))]
    public sealed class ConnectTrackingMoreCommand : PSCmdlet, IDisposable
    {
        /// <summary>The API key. Falls back to $env:TRACKINGMORE_API_KEY.</summary>
        [Parameter(Position = 0)]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API root. Falls back to $env:TRACKINGMORE_BASE_URI, else the public service's root for -ApiVersion.</summary>
        [Parameter]
        public Uri? BaseUri { get; set; }

        /// <summary>
        /// The API version the connection speaks: V2 or V4; without it, the one -BaseUri's path names (.../v4), else V2.
        /// A -BaseUri that names another version is refused. The connection's Capabilities say what it offers;
        /// a cmdlet whose operation it lacks fails with TrackingMore.NotSupported before sending anything.
        /// </summary>
        [Parameter]
        public ApiVersion ApiVersion { get; set; } = ApiVersion.V2;

        /// <summary>Allows plain http to a host other than this machine.</summary>
        [Parameter]
        public SwitchParameter AllowInsecureHttp { get; set; }

        /// <summary>How many times a call is retried after 429, 502, 503, 504 or a dropped connection.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = ConnectionFactory.DefaultMaximumRetryCount;

        /// <summary>How long one request may take before it fails.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = ConnectionFactory.DefaultTimeoutSec;

        /// <summary>
        /// Requests per second that Get-Tracking may start (the API allows 1). 0 turns the pacing off, for the
        /// emulator started with --list-interval-ms 0.
        /// </summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double ListRequestsPerSecond { get; set; } = 1;

        /// <summary>Requests per second for Invoke-RealtimeTracking (the API allows 3); 0 turns the pacing off.</summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double RealtimeRequestsPerSecond { get; set; } = 3;

        /// <summary>Requests per second for every other endpoint; 0 (the default) means no pacing.</summary>
        [Parameter]
        [ValidateRange(0.0, 1000.0)]
        public double OtherRequestsPerSecond { get; set; }

        /// <summary>
        /// The largest answer accepted, in megabytes once decompressed (default 64; a 2000-item page is a few MB).
        /// A larger one fails with TrackingMore.ResponseTooLarge instead of filling memory.
        /// </summary>
        [Parameter]
        [ValidateRange(1, ConnectionSettings.MaximumResponseMegabytesLimit)]
        public int MaximumResponseSizeMB { get; set; } = ConnectionSettings.DefaultMaximumResponseMegabytes;

        /// <summary>Writes the new connection to the pipeline.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>Sends nothing now (as Connect-AzAccount -SkipValidation): the key is checked by the first call that uses it.</summary>
        [Parameter]
        [Alias("SkipValidation")]
        public SwitchParameter SkipCheck { get; set; }

        private readonly System.Threading.CancellationTokenSource _stopping = new System.Threading.CancellationTokenSource();

        protected override void StopProcessing() => _stopping.Cancel();

        private bool IsBound(string parameter) => MyInvocation.BoundParameters.ContainsKey(parameter);

        public void Dispose() => _stopping.Dispose();

        protected override void EndProcessing()
        {
            var key = ApiKey;
            var source = "Parameter";
            using var fromEnvironment = key == null ? ConnectionFactory.ApiKeyFromEnvironment() : null;
            if (key == null)
            {
                key = fromEnvironment;
                source = "Environment";
            }
            if (key == null || key.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-ApiKey is required: pass it as a SecureString (-ApiKey (Read-Host -AsSecureString)) or set $env:" +
                    ConnectionFactory.ApiKeyVariable + ".", "TrackingMore.ApiKeyMissing", null));
            }

            TrackingMoreConnection connection;
            try
            {
                // A rate not given is the version's published one (v2: list 1/s, realtime 3/s; v4: create 3/s, the rest 10/s).
                var rateLimits = new Dictionary<EndpointClass, double>();
                if (IsBound(nameof(ListRequestsPerSecond))) rateLimits[EndpointClass.List] = ListRequestsPerSecond;
                if (IsBound(nameof(RealtimeRequestsPerSecond))) rateLimits[EndpointClass.Realtime] = RealtimeRequestsPerSecond;
                if (IsBound(nameof(OtherRequestsPerSecond))) rateLimits[EndpointClass.Other] = OtherRequestsPerSecond;
                connection = ConnectionFactory.Create(key!, BaseUri, AllowInsecureHttp, MaximumRetryCount, TimeoutSec, source, rateLimits, MaximumResponseSizeMB,
                    IsBound(nameof(ApiVersion)) ? ApiVersion : (ApiVersion?)null);
            }
            catch (ArgumentException invalid) when (invalid.ParamName == nameof(ApiVersion))
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(invalid.Message, "TrackingMore.ApiVersionConflict", BaseUri));
                return;
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(invalid.Message, "TrackingMore.InvalidBaseUri", BaseUri));
                return;
            }
            if (!SkipCheck) Check(connection);
            RunspaceState.Current = connection;
            RunspaceState.Disconnected = false;
            WriteVerbose("Connected to " + connection.BaseUri + " (API " + connection.ApiVersion + ") with key " + connection.ApiKey + ".");
            if (PassThru) WriteObject(connection);
        }

        /// <summary>The account's details (or, where the version has none, one tracking of the list): the cheapest call that needs a valid key, and one that costs no quota.</summary>
        private void Check(TrackingMoreConnection connection)
        {
            try
            {
                var client = RunspaceState.Of(connection)!.Client;
                var call = new CallContext(_stopping.Token);
                if (client.Capabilities.Supports(ApiOperation.GetAccount))
                {
                    var account = client.GetAccountAsync(call).GetAwaiter().GetResult();
                    WriteVerbose("The key is valid; the account's quota has " + account.QuotaLeft + " trackings left.");
                }
                else
                {
                    // A version without the account's details (v4): one tracking of the list, which needs a valid key and costs no quota.
                    client.ListTrackingsAsync(new TrackingListQuery { Limit = 1 }, call).GetAwaiter().GetResult();
                    WriteVerbose("The key is valid.");
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
            catch (TrackingMoreApiException failure)
            {
                var record = ErrorRecords.FromApi(failure, connection.BaseUri);
                record.ErrorDetails = new ErrorDetails("Connect-TrackingMore checked the key and " + failure.Message +
                                                       " The session keeps the connection it had. (-SkipCheck connects without asking.)")
                { RecommendedAction = record.ErrorDetails?.RecommendedAction };
                ThrowTerminatingError(record);
            }
        }
    }
}
