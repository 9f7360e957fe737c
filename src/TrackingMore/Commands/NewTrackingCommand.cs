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
    /// Creates trackings. Takes pipeline input by property name, with the parameters' names or the API's snake_case
    /// names, so <c>Import-Csv shipments.csv | New-Tracking</c> works; sends them 40 a request.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "Tracking", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Tracking))]
    public sealed class NewTrackingCommand : ShipmentCmdlet
    {
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateFieldLength]
        public string? Title { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("logistics_channel")]
        [ValidateFieldLength]
        public string? LogisticsChannel { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("customer_name")]
        [ValidateFieldLength]
        public string? CustomerName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("customer_email")]
        [ValidateFieldLength]
        public string? CustomerEmail { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("customer_phone")]
        [ValidateFieldLength]
        public string? CustomerPhone { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("order_id")]
        [ValidateFieldLength]
        public string? OrderId { get; set; }

        /// <summary>The destination country's ISO code, for carriers that need it.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("tracking_destination_country")]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string? DestinationCountry { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateFieldLength]
        public string? Comment { get; set; }

        /// <summary>Keeps the carrier given even when the service would guess another one (auto_correct = 1).</summary>
        [Parameter]
        public SwitchParameter DisableCarrierAutoCorrect { get; set; }

        protected override void ProcessCompleteRecord()
        {
            var request = WithShipmentDetails(new NewTrackingRequest(TrackingNumber.Trim(), CarrierCode)
            {
                Title = NullIfEmpty(Title),
                LogisticsChannel = NullIfEmpty(LogisticsChannel),
                CustomerName = NullIfEmpty(CustomerName),
                CustomerEmail = NullIfEmpty(CustomerEmail),
                CustomerPhone = NullIfEmpty(CustomerPhone),
                OrderId = NullIfEmpty(OrderId),
                DestinationCountry = NullIfEmpty(DestinationCountry),
                Comment = NullIfEmpty(Comment),
                AutoCorrect = DisableCarrierAutoCorrect ? 1 : (int?)null,
            });
            if (ShouldProcess(request.ToString(), "Create tracking")) Enqueue(request, Send);
        }

        private void Send(IReadOnlyList<NewTrackingRequest> batch, bool alone) =>
            WriteOutcomes(batch, call => Client.CreateTrackingsAsync(batch, call, singleForOne: alone));
    }
}
