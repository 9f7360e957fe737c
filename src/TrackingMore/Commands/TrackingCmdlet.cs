using System.Management.Automation;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Base of the cmdlets that act on one tracking per pipeline record, named by number and carrier. Both bind
    /// by property name, with the parameters' names or the API's, so Get-Tracking output and CSV rows pipe in; a
    /// record without one is reported by <see cref="RecordCmdlet"/>.
    /// </summary>
    public abstract class TrackingCmdlet : RecordCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("tracking_number", "Number")]
        [ValidateTrackingNumber]
        public string TrackingNumber { get; set; } = string.Empty;

        /// <summary>The carrier the tracking is under.</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [RequiredPerRecord]
        [Alias("carrier_code", "Carrier")]
        [CarrierCodeTransformation]
        [ValidateCarrierCode]
        [ArgumentCompleter(typeof(CarrierCodeCompleter))]
        public string CarrierCode { get; set; } = string.Empty;

        /// <summary>The tracking of the current record, its number trimmed (CSV cells often carry spaces).</summary>
        protected TrackingIdentity Identity => new TrackingIdentity(TrackingNumber.Trim(), CarrierCode);
    }
}
