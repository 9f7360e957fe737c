using System;
using System.Management.Automation;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of the cmdlets that name a shipment to the carrier (New-Tracking, Invoke-RealtimeTracking): besides the
    /// number and carrier, the details some carriers need to find it, declared once so both bind them alike, by
    /// parameter name or the API's, from the pipeline.
    /// </summary>
    public abstract class ShipmentCmdlet : TrackingCmdlet
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

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order_create_time")]
        [EmptyAsNull]
        [ValidateApiDate]
        public DateTime? OrderCreateTime { get; set; }

        /// <summary>The language of checkpoint texts, where the carrier offers it (e.g. en, cn).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("lang")]
        [EmptyAsNull]
        [ValidateLanguage]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string? Language { get; set; }

        /// <summary>The request with this record's shipment details set; empty values are not sent.</summary>
        protected T WithShipmentDetails<T>(T request) where T : ShipmentDetails
        {
            request.DestinationCode = DestinationCode;
            request.ShipDate = ShipDate;
            request.PostalCode = NullIfEmpty(PostalCode);
            request.AccountNumber = NullIfEmpty(AccountNumber);
            request.OrderCreateTime = OrderCreateTime;
            request.Language = NullIfEmpty(Language);
            return request;
        }
    }
}
