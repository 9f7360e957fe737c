using TrackingMore.Api;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// The v4 API's meta codes (api-v4.md, "Error codes") as reasons: the one place that knows what a v4 code means.
    /// v4 sends real HTTP statuses and repeats them as the meta code below 1000; its own codes are 41xx and 511–513.
    /// </summary>
    internal static class V4Codes
    {
        /// <summary>The reason a meta code (or, for an envelope that claims success inside an HTTP error, the HTTP status) gives.</summary>
        public static FailureReason ReasonOf(int code) => code switch
        {
            429 => FailureReason.RateLimited,
            401 => FailureReason.Unauthorized,
            403 => FailureReason.PermissionDenied,
            4101 => FailureReason.AlreadyExists,
            // 4102 "no exists" for a number, 4112 for an id the account does not have.
            4102 or 4112 => FailureReason.NotFound,
            // 4113: retrack of a tracking that has not expired; 4122: a courier's special fields; 4160: an awb number's form.
            4103 or 4110 or 4111 or 4113 or 4122 or 4130 or 4160 => FailureReason.InvalidArgument,
            4120 or 4161 => FailureReason.UnknownCarrier,
            4121 => FailureReason.CarrierNotDetected,
            4190 => FailureReason.QuotaExceeded,
            // "Page does not exist": on v4 a 404 is a path the service lacks, never a tracking (those are 4102/4112).
            404 => FailureReason.NotSupported,
            // 511, 512 and 513 are v4's server errors, under HTTP 500.
            (>= 500 and < 600) => FailureReason.ServerError,
            // 400 "request type error" (wrong method or body) and anything unknown: the service refused what the client sent.
            _ => FailureReason.ApiError,
        };
    }
}
