using System;
using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Asks the service which carriers a tracking number may belong to (POST /carriers/detect), most likely
    /// first. Costs quota, so no other cmdlet ever calls it. The output pipes into New-Tracking.
    /// </summary>
    [Cmdlet(VerbsCommon.Find, "TrackingCarrier")]
    [OutputType(typeof(DetectedCarrier))]
    public sealed class FindTrackingCarrierCommand : RecordCmdlet
    {
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("tracking_number", "Number")]
        [ObjectsBindByColumn]
        [ValidateTrackingNumber]
        public string[] TrackingNumber { get; set; } = Array.Empty<string>();

        protected override void ProcessCompleteRecord()
        {
            foreach (var number in TrackingNumber)
            {
                var trimmed = number.Trim();
                WriteAnswer(trimmed, call => Client.DetectCarrierAsync(trimmed, call));
            }
        }
    }
}
