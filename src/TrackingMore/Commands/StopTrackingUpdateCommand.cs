using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Stops the service refreshing trackings (POST /trackings/notupdate, 40 a request): they keep their events,
    /// and their TrackUpdate becomes false. The endpoint has no single form, so one tracking goes as a batch of
    /// one. Accepts Get-Tracking output. No endpoint turns updates back on, so it asks by default (ConfirmImpact High).
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "TrackingUpdate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Tracking))]
    public sealed class StopTrackingUpdateCommand : TrackingCmdlet
    {
        protected override void ProcessCompleteRecord()
        {
            var request = Identity;
            if (ShouldProcess(request.ToString(), "Stop updating")) Enqueue(request, Send);
        }

        private void Send(IReadOnlyList<TrackingIdentity> batch) => WriteOutcomes(batch, call => Client.StopUpdatingAsync(batch, call));
    }
}
