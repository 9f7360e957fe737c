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
    public sealed class RemoveTrackingCommand : BulkTrackingCmdlet<TrackingIdentity>
    {
        /// <summary>Writes each removed tracking's number and carrier.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string BulkEndpoint => "POST /trackings/delete";

        protected override void ProcessRecord()
        {
            var request = Identity;
            if (ShouldProcess(request.ToString(), "Remove tracking")) Enqueue(request);
        }

        protected override async Task<Tracking?> SendOneAsync(TrackingIdentity request, CallContext call)
        {
            await Client.DeleteTrackingAsync(request, call).ConfigureAwait(false);
            return null;
        }

        protected override Task<BulkResult> SendBatchAsync(IReadOnlyList<TrackingIdentity> requests, CallContext call) =>
            Client.DeleteTrackingsAsync(requests, call);

        protected override bool MeansDoneAfterResend(int code) => code == 4017;

        /// <summary>A tracking the account no longer holds was removed; one it still holds was not, and fails as the last attempt did.</summary>
        protected override void ReportAfterLostAnswer(IReadOnlyList<TrackingIdentity> requests, TrackingMoreApiException failure)
        {
            var found = LookUp(requests, failure);
            if (found == null) return;
            foreach (var request in requests)
            {
                if (Matching(found, request) == null) WriteSucceeded(request, null);
                else WriteApiError(failure, request);
            }
        }

        protected override void WriteSucceeded(TrackingIdentity request, Tracking? answer)
        {
            if (PassThru) WriteObject(request);
        }
    }
}
