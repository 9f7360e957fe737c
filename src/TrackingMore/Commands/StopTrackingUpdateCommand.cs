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
    /// one. Accepts Get-Tracking output.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Stop, "TrackingUpdate", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tracking))]
    public sealed class StopTrackingUpdateCommand : TrackingBatchCmdlet<TrackingIdentity>
    {
        protected override string BulkEndpoint => "POST /trackings/notupdate";

        protected override void ProcessRecord()
        {
            var request = Identity;
            if (ShouldProcess(request.ToString(), "Stop updating")) Enqueue(request);
        }

        protected override Task<BulkResult> SendBatchAsync(IReadOnlyList<TrackingIdentity> requests, CallContext call) =>
            Client.StopUpdatingAsync(requests, call);
    }
}
