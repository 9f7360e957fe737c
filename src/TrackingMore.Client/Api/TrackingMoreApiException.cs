using System;
using System.Net;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>What kind of failure ended a call; drives the error id, category and whether a retry can help.</summary>
    public enum ApiFailureKind
    {
        /// <summary>The API answered with a meta code other than 200/201.</summary>
        ApiError,
        /// <summary>The HTTP status was an error and the body held no envelope.</summary>
        HttpError,
        /// <summary>The body was not the JSON envelope the API promises (HTML page, truncated JSON, wrong types).</summary>
        InvalidResponse,
        /// <summary>No answer within the connection's timeout.</summary>
        Timeout,
        /// <summary>The connection failed or was dropped.</summary>
        Network,
        /// <summary>The server's TLS certificate or handshake failed: a retry cannot cure it.</summary>
        Tls,
        /// <summary>The server answered with a redirect (3xx), which is never followed: the key must not travel to another place.</summary>
        Redirected,
        /// <summary>The answer was larger than the connection's limit (Connect-TrackingMore -MaximumResponseSizeMB).</summary>
        ResponseTooLarge,
        /// <summary>Pages of a listing contradict each other (a page repeated, larger than asked for, or past the total).</summary>
        PagingInconsistent,
        /// <summary>Something failed in the transport that none of the above describes.</summary>
        TransportFailure,
        /// <summary>A bulk answer neither reported nor refused an item its request carried.</summary>
        NotInAnswer,
        /// <summary>The answer says the service could not handle one item (a remote-area place it could not check), without a code.</summary>
        ItemRefused,
    }

    /// <summary>
    /// Every failure of a call to the API. Carries the meta code, type and message the service sent, the HTTP status,
    /// the endpoint and, for unreadable bodies, their first bytes. Never carries the API key or request headers.
    /// </summary>
    public sealed class TrackingMoreApiException : Exception
    {
        public TrackingMoreApiException(
            ApiFailureKind kind, string message, string endpoint,
            int? metaCode = null, string? metaType = null, string? apiMessage = null,
            HttpStatusCode? httpStatus = null, string? bodyPreview = null, TimeSpan? retryAfter = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            Endpoint = endpoint;
            MetaCode = metaCode;
            MetaType = metaType;
            ApiMessage = apiMessage;
            HttpStatus = httpStatus;
            BodyPreview = bodyPreview;
            RetryAfter = retryAfter;
        }

        public ApiFailureKind Kind { get; }

        /// <summary>Method and path template of the call, e.g. <c>GET /trackings/get</c>.</summary>
        public string Endpoint { get; }

        public int? MetaCode { get; }
        public string? MetaType { get; }

        /// <summary>The service's own message text (meta.message).</summary>
        public string? ApiMessage { get; }

        public HttpStatusCode? HttpStatus { get; }

        /// <summary>The first bytes of a body that could not be read as the envelope.</summary>
        public string? BodyPreview { get; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>True for the rate-limit answer, whether it came as meta 429 or HTTP 429.</summary>
        public bool IsRateLimited => MetaCode == 429 || HttpStatus == (HttpStatusCode)429;

        /// <summary>The key is missing, wrong or deleted: nothing else can succeed on this connection.</summary>
        public bool IsAuthenticationFailure =>
            MetaCode is 4001 or 4002 or 401 || HttpStatus == HttpStatusCode.Unauthorized;

        /// <summary>
        /// The same failure with every text that may carry a server's bytes passed through <paramref name="redact"/>
        /// (the key and echoed key headers masked, control characters removed).
        /// </summary>
        internal TrackingMoreApiException Redacted(Func<string?, string> redact) => new TrackingMoreApiException(
            Kind, redact(Message), Endpoint, MetaCode, MetaType == null ? null : redact(MetaType), ApiMessage == null ? null : redact(ApiMessage),
            HttpStatus, BodyPreview == null ? null : redact(BodyPreview), RetryAfter, InnerException);

        /// <summary>An item a request carried that its answer neither reported nor refused.</summary>
        public static TrackingMoreApiException NotInAnswer(object item, string endpoint) => new TrackingMoreApiException(
            ApiFailureKind.NotInAnswer, item + ": " + endpoint + " answered without a result or an error for this item.", endpoint);

        /// <summary>One item an endpoint could not handle, in the service's own words (already redacted), which carry no code.</summary>
        internal static TrackingMoreApiException Refused(object item, string endpoint, string reason) => new TrackingMoreApiException(
            ApiFailureKind.ItemRefused, item + ": " + endpoint + " could not handle this item: " + reason + ".", endpoint, apiMessage: reason);

        /// <summary>One item a bulk endpoint refused, with the API's per-item code and message.</summary>
        internal static TrackingMoreApiException ForBulkItem(BulkItemError error, string endpoint) => new TrackingMoreApiException(
            ApiFailureKind.ApiError,
            error.TrackingNumber + " (" + error.CarrierCode + "): TrackingMore API error " + error.Code +
            (string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + error.Message) + " (" + endpoint + ")",
            endpoint, error.Code, apiMessage: error.Message);

        /// <summary>
        /// A number the list's numbers filter found nothing for: the error GET /trackings/{carrier}/{number} gives
        /// for a tracking the account does not hold (4017), so both ways of asking fail alike.
        /// </summary>
        internal static TrackingMoreApiException NoSuchTracking(string number, string endpoint) => new TrackingMoreApiException(
            ApiFailureKind.ApiError, number + ": no such tracking in the account, under any carrier (looked up by number with " + endpoint + ").",
            endpoint, 4017, "Bad Request", "Tracking does not exist.");

        /// <summary>A stable identifier for ErrorRecords: <c>TrackingMore.4016</c>, <c>TrackingMore.RateLimited</c>, ...</summary>
        public string ErrorId => Kind switch
        {
            _ when IsRateLimited => "TrackingMore.RateLimited",
            ApiFailureKind.ApiError => "TrackingMore." + MetaCode,
            ApiFailureKind.HttpError => "TrackingMore.Http" + (int?)HttpStatus,
            ApiFailureKind.InvalidResponse => "TrackingMore.InvalidResponse",
            ApiFailureKind.Timeout => "TrackingMore.Timeout",
            ApiFailureKind.Tls => "TrackingMore.TlsFailure",
            ApiFailureKind.Redirected => "TrackingMore.Redirected",
            ApiFailureKind.ResponseTooLarge => "TrackingMore.ResponseTooLarge",
            ApiFailureKind.PagingInconsistent => "TrackingMore.PagingInconsistent",
            ApiFailureKind.TransportFailure => "TrackingMore.TransportFailure",
            ApiFailureKind.NotInAnswer => "TrackingMore.NotInAnswer",
            ApiFailureKind.ItemRefused => "TrackingMore.ItemRefused",
            _ => "TrackingMore.NetworkError",
        };
    }
}
