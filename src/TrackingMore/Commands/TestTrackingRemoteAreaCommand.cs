using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Tells whether places are remote areas for carriers (POST /trackings/remote, 40 places a request), where
    /// carriers charge extra or take longer. Every place asked about comes back once, remote or not. Takes
    /// pipeline input by property name, so <c>Import-Csv addresses.csv | Test-TrackingRemoteArea</c> works.
    /// Costs quota (one per five requests).
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "TrackingRemoteArea")]
    [OutputType(typeof(RemoteAreaResult))]
    public sealed class TestTrackingRemoteAreaCommand : RecordCmdlet
    {
        /// <summary>The country, by name or ISO code (Japan, JP).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [ValidateNotBlank]
        [ArgumentCompleter(typeof(CountryCodeCompleter))]
        public string Country { get; set; } = string.Empty;

        /// <summary>Postal codes (or city names) in that country.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("postcode", "ZipCode", "City")]
        [ValidateNotBlank]
        public string[] PostalCode { get; set; } = System.Array.Empty<string>();

        /// <summary>The carrier to ask about (its code, e.g. ups); without it, any carrier.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [Alias("company", "CarrierCode")]
        [CarrierCodeTransformation]
        [EmptyAsNull]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string? Carrier { get; set; }

        protected override void ProcessCompleteRecord()
        {
            EnqueueAll(PostalCode.Select(postalCode => new RemoteAreaRequest(Country.Trim(), postalCode.Trim(), Carrier)).ToArray(), Send);
        }

        private void Send(IReadOnlyList<RemoteAreaRequest> batch) =>
            WriteResults(batch, call => Client.CheckRemoteAreasAsync(batch, call));
    }
}
