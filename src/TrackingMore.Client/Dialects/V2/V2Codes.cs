using TrackingMore.Api;
namespace TrackingMore.Dialects.V2
{
    /// <summary>
    /// The v2 API's meta codes (api-v2.md, "Meta codes") as reasons: the one place that knows what a v2 code means.
    /// Codes below 1000 mirror HTTP statuses.
    /// </summary>
    internal static class V2Codes
    {
        /// <summary>The reason a meta code (or, for an envelope that claims success inside an HTTP error, the HTTP status) gives.</summary>
        public static FailureReason ReasonOf(int code) => code switch
        {
            429 => FailureReason.RateLimited,
            401 or 4001 or 4002 => FailureReason.Unauthorized,
            4016 or 409 => FailureReason.AlreadyExists,
            4017 or 4031 or 404 => FailureReason.NotFound,
            4015 => FailureReason.UnknownCarrier,
            4032 => FailureReason.CarrierNotDetected,
            4019 or 4021 or 402 => FailureReason.QuotaExceeded,
            4018 or 403 => FailureReason.PermissionDenied,
            405 => FailureReason.NotSupported,
            4012 or 4013 or 4014 or 4020 or 4033 => FailureReason.InvalidArgument,
            >= 500 and < 600 => FailureReason.ServerError,
            _ => FailureReason.ApiError,
        };
    }
}
