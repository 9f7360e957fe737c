using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Moves a tracking to another carrier (POST /trackings/update), for a tracking created under the wrong one.
    /// The API answers with nothing about the tracking, so the output is its identity under the new carrier, which
    /// pipes on into Get-Tracking.
    /// </summary>
    [Cmdlet(VerbsData.Update, "TrackingCarrier", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(TrackingIdentity))]
    public sealed class UpdateTrackingCarrierCommand : TrackingCmdlet
    {
        [Parameter(Mandatory = true, Position = 2)]
        [Alias("update_carrier_code")]
        [CarrierCodeTransformation]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string NewCarrierCode { get; set; } = string.Empty;

        protected override void ProcessCompleteRecord()
        {
            var change = new CarrierChangeRequest(TrackingNumber.Trim(), CarrierCode, NewCarrierCode);
            if (ShouldProcess(change.ToString(), "Change carrier to " + NewCarrierCode))
                WriteAnswer(change, call => Client.ChangeCarrierAsync(change, call));
        }
    }
}
