using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>Shows this runspace's connection, with the API key masked. Writes nothing when not connected.</summary>
    [Cmdlet(VerbsCommon.Get, "TrackingMoreConnection")]
    [OutputType(typeof(TrackingMoreConnection))]
    public sealed class GetTrackingMoreConnectionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var connection = RunspaceState.Current;
            if (connection != null) WriteObject(connection);
        }
    }
}
