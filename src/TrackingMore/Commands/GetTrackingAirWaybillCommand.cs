using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Tracks air cargo by air waybill number (POST /trackings/aircargo, 40 numbers a request). Each number costs
    /// 20 quota, so numbers are checked before anything is sent, and no other cmdlet ever calls this endpoint.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingAirWaybill")]
    [OutputType(typeof(AirWaybill))]
    public sealed class GetTrackingAirWaybillCommand : RecordCmdlet
    {
        /// <summary>Air waybill numbers: 3 digits, an optional space or dash, 7 or 8 digits (172-28891936).</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("track_number", "AWB")]
        [ObjectsBindByColumn]
        [ValidateAirWaybillNumber]
        public string[] AirWaybillNumber { get; set; } = Array.Empty<string>();

        /// <summary>The language of event texts, where the airline offers it (e.g. en).</summary>
        [Parameter]
        [Alias("lang")]
        [ValidateLanguage]
        [ArgumentCompleter(typeof(LanguageCompleter))]
        public string? Language { get; set; }

        protected override void ProcessCompleteRecord()
        {
            EnqueueAll(AirWaybillNumber.Select(number => number.Trim()).ToArray(), Send);
        }

        private void Send(IReadOnlyList<string> batch) =>
            WriteResults(batch, call => Client.GetAirWaybillsAsync(batch, Language, call));
    }
}
