using System.Collections.Generic;

namespace TrackingMore.Models
{
    /// <summary>One item a bulk endpoint refused, with the API's per-item code and message.</summary>
    internal sealed class BulkItemError
    {
        public BulkItemError(string? trackingNumber, string? carrierCode, int code, string? message)
        {
            TrackingNumber = trackingNumber;
            CarrierCode = carrierCode;
            Code = code;
            Message = message;
        }

        public string? TrackingNumber { get; }
        public string? CarrierCode { get; }
        public int Code { get; }
        public string? Message { get; }

        public override string ToString() => TrackingNumber + " (" + CarrierCode + "): " + Code + " " + Message;
    }

    /// <summary>The answer of a bulk endpoint (batch, updatemore, delete, notupdate): what it did and what it refused.</summary>
    internal sealed class BulkResult
    {
        public BulkResult(IReadOnlyList<Tracking> trackings, IReadOnlyList<BulkItemError> errors)
        {
            Trackings = trackings;
            Errors = errors;
        }

        public IReadOnlyList<Tracking> Trackings { get; }
        public IReadOnlyList<BulkItemError> Errors { get; }
    }
}
