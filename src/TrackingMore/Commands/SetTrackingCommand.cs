using System;
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
    /// changes apply to every tracking piped in. An empty value (an empty CSV cell in
    /// <c>Import-Csv | ForEach-Object { Set-Tracking ... -Title $_.Title }</c>) leaves its field as it is: a field is
    /// cleared only when -Clear names it.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "Tracking", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tracking))]
    public sealed class SetTrackingCommand : TrackingCmdlet
    {
        /// <summary>The text fields: an empty value leaves one as it is, -Clear empties it.</summary>
        private static readonly string[] TextFields =
        {
            nameof(Title), nameof(CustomerName), nameof(CustomerEmail), nameof(CustomerPhone), nameof(OrderId),
            nameof(LogisticsChannel), nameof(DestinationCode),
        };

        private static readonly string[] Changes = TextFields.Concat(new[] { nameof(Archived), nameof(Status), nameof(Clear) }).ToArray();

        private string _changeList = string.Empty;

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? Title { get; set; }

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? CustomerName { get; set; }

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? CustomerEmail { get; set; }

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? CustomerPhone { get; set; }

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? OrderId { get; set; }

        [Parameter]
        [EmptyAsNull]
        [ValidateFieldLength]
        public string? LogisticsChannel { get; set; }

        /// <summary>The carrier code of the destination country's carrier.</summary>
        [Parameter]
        [EmptyAsNull]
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

        /// <summary>Text fields to empty, by name (an empty value leaves a field as it is).</summary>
        [Parameter]
        [ValidateSet(nameof(Title), nameof(CustomerName), nameof(CustomerEmail), nameof(CustomerPhone), nameof(OrderId),
            nameof(LogisticsChannel), nameof(DestinationCode))]
        public string[] Clear { get; set; } = Array.Empty<string>();

        protected override void BeforeInput()
        {
            var bound = MyInvocation.BoundParameters;
            var given = Changes.Where(name => bound.TryGetValue(name, out var value) && value != null && !(value is string[] { Length: 0 })).ToArray();
            if (given.Length == 0)
            {
                var empty = TextFields.Where(bound.ContainsKey).ToArray();
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "Nothing to change: give at least one of -" + string.Join(", -", Changes) + "." +
                    (empty.Length > 0 ? " -" + string.Join(", -", empty) + " is empty, which leaves a field as it is; to empty a field, name it in -Clear (e.g. -Clear " + empty[0] + ")." : string.Empty),
                    "TrackingMore.NoChange", null));
            }
            var both = Clear.Where(name => bound.TryGetValue(name, out var value) && value != null).ToArray();
            if (both.Length > 0)
            {
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-" + both[0] + " is given a value and named in -Clear: give one or the other.", "TrackingMore.ClearConflict", both[0]));
            }
            _changeList = string.Join(", ", given.Where(name => name != nameof(Clear)).Concat(Clear.Select(name => "clear " + name)));
        }

        protected override void ProcessCompleteRecord()
        {
            var bound = MyInvocation.BoundParameters;
            // A value is sent as it is, a field named in -Clear as "", an empty value not at all.
            string? IfGiven(string name, string? value) => value ?? (Clear.Contains(name, StringComparer.OrdinalIgnoreCase) ? string.Empty : null);
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
