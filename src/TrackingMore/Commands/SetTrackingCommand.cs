using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Changes trackings: one PUT for one item, /trackings/updatemore 40 a request for many. Only the parameters
    /// given are sent, so <c>Get-Tracking -All | Set-Tracking -Archived $true</c> touches nothing else; the same
    /// changes apply to every tracking piped in.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Tracking", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tracking))]
    public sealed class SetTrackingCommand : TrackingCmdlet
    {
        private static readonly string[] Changes =
        {
            nameof(Title), nameof(CustomerName), nameof(CustomerEmail), nameof(CustomerPhone), nameof(OrderId),
            nameof(LogisticsChannel), nameof(DestinationCode), nameof(Archived), nameof(Status),
        };

        private string _changeList = string.Empty;

        /// <summary>'' clears the title.</summary>
        [Parameter]
        [ValidateFieldLength]
        public string? Title { get; set; }

        [Parameter]
        [ValidateFieldLength]
        public string? CustomerName { get; set; }

        [Parameter]
        [ValidateFieldLength]
        public string? CustomerEmail { get; set; }

        [Parameter]
        [ValidateFieldLength]
        public string? CustomerPhone { get; set; }

        [Parameter]
        [ValidateFieldLength]
        public string? OrderId { get; set; }

        [Parameter]
        [ValidateFieldLength]
        public string? LogisticsChannel { get; set; }

        /// <summary>The carrier code of the destination country's carrier.</summary>
        [Parameter]
        [CarrierCodeTransformation]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string? DestinationCode { get; set; }

        /// <summary>$true archives; $false brings the tracking back from the archive.</summary>
        [Parameter]
        public bool Archived { get; set; }

        /// <summary>Marks the tracking Delivered or Exception by hand, or Restore to go back to the carrier's status.</summary>
        [Parameter]
        public TrackingStatusChange Status { get; set; }

        protected override void BeginProcessing()
        {
            _changeList = string.Join(", ", Changes.Where(MyInvocation.BoundParameters.ContainsKey));
            if (_changeList.Length == 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "Nothing to change: give at least one of -" + string.Join(", -", Changes) + ".", "TrackingMore.NoChange", null));
            }
        }

        protected override void ProcessRecord()
        {
            var bound = MyInvocation.BoundParameters;
            string? IfGiven(string name, string? value) => bound.ContainsKey(name) ? value ?? string.Empty : null;
            var request = new TrackingUpdateRequest(TrackingNumber.Trim(), CarrierCode)
            {
                Title = IfGiven(nameof(Title), Title),
                CustomerName = IfGiven(nameof(CustomerName), CustomerName),
                CustomerEmail = IfGiven(nameof(CustomerEmail), CustomerEmail),
                CustomerPhone = IfGiven(nameof(CustomerPhone), CustomerPhone),
                OrderId = IfGiven(nameof(OrderId), OrderId),
                LogisticsChannel = IfGiven(nameof(LogisticsChannel), LogisticsChannel),
                DestinationCode = IfGiven(nameof(DestinationCode), DestinationCode),
                Archived = bound.ContainsKey(nameof(Archived)) ? Archived : (bool?)null,
                Status = bound.ContainsKey(nameof(Status)) ? Status : (TrackingStatusChange?)null,
            };
            if (ShouldProcess(request.ToString(), "Set " + _changeList)) Enqueue(request, Send);
        }

        private void Send(IReadOnlyList<TrackingUpdateRequest> batch, bool alone) =>
            WriteOutcomes(batch, call => Client.UpdateTrackingsAsync(batch, call, singleForOne: alone));
    }
}
