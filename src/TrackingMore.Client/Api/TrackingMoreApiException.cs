using System;
using System.Net;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// Every failure of a call to the API. Carries its <see cref="Reason"/>, the code, type and message the service
    /// sent, the HTTP status, the endpoint and, for unreadable bodies, their first bytes. Never carries the API key
    /// or request headers.
    /// </summary>
    public sealed class TrackingMoreApiException : Exception
    {
        public TrackingMoreApiException(
            FailureReason reason, string message, string endpoint,
            int? apiCode = null, string? apiType = null, string? apiMessage = null,
            HttpStatusCode? httpStatus = null, string? bodyPreview = null, TimeSpan? retryAfter = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            Reason = reason;
            Endpoint = endpoint;
            ApiCode = apiCode;
            ApiType = apiType;
            ApiMessage = apiMessage;
            HttpStatus = httpStatus;
            BodyPreview = bodyPreview;
            RetryAfter = retryAfter;
        }

        /// <summary>Why the call failed, the same on every API version; the error id, category and the bulk rules read it.</summary>
        public FailureReason Reason { get; }

        /// <summary>Method and path template of the call, e.g. <c>GET /trackings/get</c>.</summary>
        public string Endpoint { get; }

        /// <summary>The service's own code (v2: meta.code, or a bulk item's code), when it sent one.</summary>
        public int? ApiCode { get; }

        /// <summary>The service's own type of the code (v2: meta.type, e.g. "Bad Request").</summary>
        public string? ApiType { get; }

        /// <summary>The service's own message text (v2: meta.message, or a bulk item's message).</summary>
        public string? ApiMessage { get; }

        public HttpStatusCode? HttpStatus { get; }

        /// <summary>The first bytes of a body that could not be read as the envelope.</summary>
        public string? BodyPreview { get; }

        /// <summary>The server's Retry-After, when it sent one.</summary>
        public TimeSpan? RetryAfter { get; }

        /// <summary>
        /// The connection's API version does not offer the operation: refused by the client before anything was sent
        /// (no code, no status), so every later call of it would be refused too.
        /// </summary>
        public bool IsOperationMissing => Reason == FailureReason.NotSupported && ApiCode == null && HttpStatus == null;

        /// <summary>True for the rate-limit answer, whether it came in the envelope or as HTTP 429.</summary>
        public bool IsRateLimited => Reason == FailureReason.RateLimited;

        /// <summary>The key is missing, wrong or deleted: nothing else can succeed on this connection.</summary>
        public bool IsAuthenticationFailure => Reason == FailureReason.Unauthorized;

        /// <summary>A stable identifier for ErrorRecords, the same on every API version: <c>TrackingMore.AlreadyExists</c>, <c>TrackingMore.RateLimited</c>, ...</summary>
        public string ErrorId => "TrackingMore." + Reason;

        /// <summary>
        /// The same failure with every text that may carry a server's bytes passed through <paramref name="redact"/>
        /// (the key and echoed key headers masked, control characters removed).
        /// </summary>
        internal TrackingMoreApiException Redacted(Func<string?, string> redact) => new TrackingMoreApiException(
            Reason, redact(Message), Endpoint, ApiCode, ApiType == null ? null : redact(ApiType), ApiMessage == null ? null : redact(ApiMessage),
            HttpStatus, BodyPreview == null ? null : redact(BodyPreview), RetryAfter, InnerException);

        /// <summary>An item a request carried that its answer neither reported nor refused.</summary>
        public static TrackingMoreApiException NotInAnswer(object item, string endpoint) => new TrackingMoreApiException(
            FailureReason.NotInAnswer, item + ": " + endpoint + " answered without a result or an error for this item.", endpoint);

        /// <summary>One item an endpoint could not handle, in the service's own words (already redacted), which carry no code.</summary>
        internal static TrackingMoreApiException Refused(object item, string endpoint, string reason) => new TrackingMoreApiException(
            FailureReason.ItemRefused, item + ": " + endpoint + " could not handle this item: " + reason + ".", endpoint, apiMessage: reason);

        /// <summary>One item a bulk endpoint refused, with the API's per-item code and message.</summary>
        /// <param name="reason">What the item's code means, as the dialect reads it.</param>
        internal static TrackingMoreApiException ForBulkItem(BulkItemError error, string endpoint, FailureReason reason) => new TrackingMoreApiException(
            reason,
            error.TrackingNumber + " (" + error.CarrierCode + "): TrackingMore API error " + error.Code +
            (string.IsNullOrEmpty(error.Message) ? string.Empty : ": " + error.Message) + " (" + endpoint + ")",
            endpoint, error.Code, apiMessage: error.Message);

        /// <summary>
        /// A number the list's numbers filter found nothing for: the reason the single look-up gives for a tracking
        /// the account does not hold, so both ways of asking fail alike.
        /// </summary>
        internal static TrackingMoreApiException NoSuchTracking(string number, string endpoint) => new TrackingMoreApiException(
            FailureReason.NotFound, number + ": no such tracking in the account, under any carrier (looked up by number with " + endpoint + ").",
            endpoint);
    }
}
