using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Closes this runspace's connection, or the one given with -Connection (as Disconnect-PnPOnline -Connection
    /// does), and releases what it cached (the carrier list): a closed connection refuses every further use, also
    /// where a -PassThru copy of it is kept. Without -Connection, or with the current one, the runspace stays
    /// disconnected until the next Connect-TrackingMore: it does not connect from $env:TRACKINGMORE_API_KEY meanwhile.
    /// </summary>
    [Cmdlet(VerbsCommunications.Disconnect, "TrackingMore")]
    public sealed class DisconnectTrackingMoreCommand : PSCmdlet
    {
        /// <summary>A connection from Connect-TrackingMore -PassThru to close; by default the runspace's current one.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true)]
        [ValidateNotNull]
        [ConnectionTransformation]
        public TrackingMoreConnection? Connection { get; set; }

        protected override void EndProcessing()
        {
            var current = RunspaceState.Current;
            var closing = Connection ?? current;
            if (closing == null) WriteVerbose("Not connected; nothing to do.");
            else if (RunspaceState.Of(closing) is ConnectionState state)
            {
                state.Closed = true;
                state.ReleaseCaches();
            }
            else ThrowTerminatingError(ErrorRecords.UnknownConnection(closing));
            if (Connection != null && !ReferenceEquals(Connection, current)) return;
            RunspaceState.Current = null;
            RunspaceState.Disconnected = true;
        }
    }
}
