using System.Management.Automation;

namespace TrackingMore.Commands
{
    /// <summary>Forgets this runspace's connection and releases what it cached (the carrier list).</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "TrackingMore")]
    public sealed class DisconnectTrackingMoreCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var current = RunspaceState.Current;
            if (current == null) WriteVerbose("Not connected; nothing to do.");
            else RunspaceState.Of(current)?.ReleaseCaches();
            RunspaceState.Current = null;
        }
    }
}
