using System.Management.Automation;

namespace TrackingMore.Commands
{
    /// <summary>Forgets this runspace's connection.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "TrackingMore")]
    public sealed class DisconnectTrackingMoreCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            if (RunspaceState.Current == null) WriteVerbose("Not connected; nothing to do.");
            RunspaceState.Current = null;
        }
    }
}
