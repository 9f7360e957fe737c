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
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_number", "Number")]
        [ValidateTrackingNumber]
        public string TrackingNumber { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("carrier_code", "Carrier")]
        [CarrierCodeTransformation]
        [ValidateCarrierCode]
        public string CarrierCode { get; set; } = string.Empty;

        /// <summary>Writes each removed tracking's number and carrier.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override string BulkEndpoint => "POST /trackings/delete";

        protected override void ProcessRecord()
        {
            var request = new TrackingIdentity(TrackingNumber.Trim(), CarrierCode);
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

        protected override void WriteSucceeded(TrackingIdentity request, Tracking? answer)
        {
            if (PassThru) WriteObject(request);
        }
    }
}
