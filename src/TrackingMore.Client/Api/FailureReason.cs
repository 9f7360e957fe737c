namespace TrackingMore.Api
{
    /// <summary>
    /// Why a call or an item failed, in words that hold on every API version: the error id
    /// (<c>TrackingMore.</c> + the reason), the error category and whether a resend can have been told about an
    /// earlier attempt's work all come from it. The service's own code and text stay on the exception
    /// (<see cref="TrackingMoreApiException.ApiCode"/>, <see cref="TrackingMoreApiException.ApiMessage"/>).
    /// </summary>
    public enum FailureReason
    {
        /// <summary>The service refused the call with a code this client has no reason for; ApiCode and ApiMessage say which.</summary>
        ApiError,
        /// <summary>The tracking exists already (creating it again).</summary>
        AlreadyExists,
        /// <summary>The account holds no such tracking.</summary>
        NotFound,
        /// <summary>The service refused a value of the request (a number, a status, a missing field, too many items).</summary>
        InvalidArgument,
        /// <summary>The carrier code is not one the service knows.</summary>
        UnknownCarrier,
        /// <summary>The service could not tell the carrier from the number.</summary>
        CarrierNotDetected,
        /// <summary>The key is missing, wrong or deleted: nothing else can succeed on this connection.</summary>
        Unauthorized,
        /// <summary>The key may not do this (the feature needs activation, or access is denied).</summary>
        PermissionDenied,
        /// <summary>The account's balance or quota is used up.</summary>
        QuotaExceeded,
        /// <summary>The account is over its rate limit (meta or HTTP 429), after every retry.</summary>
        RateLimited,
        /// <summary>The service or a gateway in front of it failed (500, 502, 503, 504).</summary>
        ServerError,
        /// <summary>The connection's API version does not offer the operation (refused before sending: no ApiCode), or the service refused the method.</summary>
        NotSupported,
        /// <summary>The server answered with a redirect (3xx), which is never followed: the key must not travel to another place.</summary>
        Redirected,
        /// <summary>The answer was larger than the connection's limit.</summary>
        ResponseTooLarge,
        /// <summary>Pages of a listing contradict each other (a page repeated, larger than asked for, or past the total).</summary>
        PagingInconsistent,
        /// <summary>The body was not the JSON envelope the API promises (an HTML page, truncated JSON, wrong types).</summary>
        InvalidResponse,
        /// <summary>A bulk answer neither reported nor refused an item its request carried.</summary>
        NotInAnswer,
        /// <summary>The answer says the service could not handle one item (a remote-area place it could not check), without a code.</summary>
        ItemRefused,
        /// <summary>No answer within the connection's timeout.</summary>
        Timeout,
        /// <summary>The connection failed or was dropped.</summary>
        NetworkError,
        /// <summary>The server's TLS certificate or handshake failed: a retry cannot cure it.</summary>
        TlsFailure,
        /// <summary>Something failed in the transport that none of the above describes.</summary>
        TransportFailure,
        /// <summary>More than one tracking of the account answers to the number and carrier given, where the version needs one id to address it.</summary>
        Ambiguous,
    }
}
