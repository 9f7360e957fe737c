using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// How long a carrier takes between two countries, from the service's statistics (POST /trackings/costtime,
    /// 40 routes a request): the share of shipments delivered within 7, 15, 30, 60 days. Takes pipeline input by
    /// property name.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingTransitTime")]
    [OutputType(typeof(TransitTime))]
    public sealed class GetTrackingTransitTimeCommand : RecordCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("carrier_code", "Carrier")]
        [CarrierCodeTransformation]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string CarrierCode { get; set; } = string.Empty;

        /// <summary>The origin country's ISO code (CN).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("original", "From")]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string Origin { get; set; } = string.Empty;

        /// <summary>Destination countries' ISO codes (US, DE); one route each.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("To")]
        [ValidateCountryCode]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string[] Destination { get; set; } = Array.Empty<string>();

        protected override void ProcessCompleteRecord()
        {
            EnqueueAll(Destination.Select(destination => new TransitTimeRequest(CarrierCode, Origin.ToUpperInvariant(), destination.ToUpperInvariant())).ToArray(), Send);
        }

        private void Send(IReadOnlyList<TransitTimeRequest> batch) =>
            WriteResults(batch, call => Client.GetTransitTimesAsync(batch, call));
    }
}
