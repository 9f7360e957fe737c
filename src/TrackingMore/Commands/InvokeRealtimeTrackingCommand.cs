using System;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Asks the carrier for a shipment's events now (POST /trackings/realtime) instead of reading what the service
    /// last stored. One request per shipment, at most 3 a second for the account (the API's limit; the module
    /// waits). Accepts Get-Tracking output and CSV rows.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "RealtimeTracking")]
    [OutputType(typeof(Tracking))]
    public sealed class InvokeRealtimeTrackingCommand : ShipmentCmdlet
    {
        /// <summary>The destination country, for carriers whose special numbers need it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SpecialNumberDestination { get; set; }

        /// <summary>The order number (the API's order).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order", "order_id")]
        [ValidateFieldLength]
        public string? OrderId { get; set; }

        protected override void ProcessCompleteRecord()
        {
            var request = WithShipmentDetails(new RealtimeTrackingRequest(TrackingNumber.Trim(), CarrierCode)
            {
                SpecialNumberDestination = NullIfEmpty(SpecialNumberDestination),
                Order = NullIfEmpty(OrderId),
            });
            WriteAnswer(request, call => Client.GetRealtimeTrackingAsync(request, call));
            // One request an item, 3 a second: a long input gets progress from its second item on.
            Progress.Done(1);
        }
    }
}
