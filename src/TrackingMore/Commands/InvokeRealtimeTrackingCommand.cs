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
    public sealed class InvokeRealtimeTrackingCommand : TrackingCmdlet
    {
        /// <summary>The carrier code of the destination country's carrier.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("destination_code")]
        [CarrierCodeTransformation]
        [EmptyAsNull]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string? DestinationCode { get; set; }

        /// <summary>The day the shipment was handed to the carrier (some carriers need it).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_ship_date")]
        [EmptyAsNull]
        [ValidateApiDate]
        public DateTime? ShipDate { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_postal_code")]
        public string? PostalCode { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_account_number")]
        public string? AccountNumber { get; set; }

        /// <summary>The destination country, for carriers whose special numbers need it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? SpecialNumberDestination { get; set; }

        /// <summary>The order number (the API's order).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order", "order_id")]
        public string? OrderId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order_create_time")]
        [EmptyAsNull]
        [ValidateApiDate]
        public DateTime? OrderCreateTime { get; set; }

        /// <summary>The language of checkpoint texts, where the carrier offers it (e.g. en, cn).</summary>
        [Parameter]
        [Alias("lang")]
        [ValidateLanguage]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string? Language { get; set; }

        protected override void ProcessRecord()
        {
            var request = new RealtimeTrackingRequest(TrackingNumber.Trim(), CarrierCode)
            {
                DestinationCode = DestinationCode,
                ShipDate = ShipDate,
                PostalCode = NullIfEmpty(PostalCode),
                AccountNumber = NullIfEmpty(AccountNumber),
                SpecialNumberDestination = NullIfEmpty(SpecialNumberDestination),
                Order = NullIfEmpty(OrderId),
                OrderCreateTime = OrderCreateTime,
                Language = NullIfEmpty(Language),
            };
            WriteAnswer(request, call => Client.GetRealtimeTrackingAsync(request, call));
        }
    }
}
