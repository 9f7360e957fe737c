using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Deletes trackings: one DELETE for one item, /trackings/delete 40 a request for many. Accepts Get-Tracking output.
    /// Deleting cannot be undone, so it asks first unless -Confirm:$false.
    /// </summary>
    [Cmdlet(VerbsCommon.Remove, "Tracking", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(TrackingIdentity))]
    public sealed class RemoveTrackingCommand : TrackingCmdlet
    {
        /// <summary>Writes each removed tracking's number and carrier.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessCompleteRecord()
        {
            var request = Identity;
            if (ShouldProcess(request.ToString(), "Remove tracking")) Enqueue(request, Send);
        }

        private void Send(IReadOnlyList<TrackingIdentity> batch, bool alone) =>
            WriteOutcomes(batch, call => Client.DeleteTrackingsAsync(batch, call, singleForOne: alone), removed =>
            {
                if (PassThru) WriteObject(removed.Request);
            });
    }
}
