using System;
using System.IO;
using System.Security;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>Why a webhook body was not accepted.</summary>
    public enum WebhookRefusal
    {
        /// <summary>Not JSON, not an object, or holding no tracking (<see cref="WebhookOutcome.Failure"/> is the FormatException).</summary>
        BodyInvalid,
        /// <summary>No verifyInfo.timeStr or verifyInfo.signature.</summary>
        SignatureMissing,
        /// <summary>The signature is not the HMAC of timeStr under the account e-mail: forged, altered, or another account's.</summary>
        SignatureInvalid,
        /// <summary>The body names a tracking the service could not have sent (see <see cref="TrackingRules"/>).</summary>
        TrackingInvalid,
        /// <summary>verifyInfo.timeStr is not a unix time.</summary>
        TimeInvalid,
        /// <summary>Signed outside the age allowed (or before what the replay guard can still tell apart).</summary>
        Stale,
        /// <summary>The same signed call was accepted before.</summary>
        Replayed,
        /// <summary>The replay guard is full of calls within the age allowed, and forgetting one would let it be replayed.</summary>
        GuardFull,
        /// <summary>The replay store file could not be used (<see cref="WebhookOutcome.Failure"/> says why).</summary>
        ReplayStoreFailed,
    }

    /// <summary>How webhook bodies are checked: the account e-mail that keys the signature, the age allowed, and where the replay guard lives.</summary>
    public sealed class WebhookVerification
    {
        /// <param name="accountEmail">The account's login e-mail, which keys the signature.</param>
        /// <param name="maximumAge">How old a signature may be: longer than zero, at most <see cref="WebhookFreshness.LongestMaximumAge"/>.</param>
        /// <param name="replayStorePath">A file that keeps the replay guard (shared by every process naming it); null: this process's memory.</param>
        public WebhookVerification(SecureString accountEmail, TimeSpan maximumAge, string? replayStorePath = null)
        {
            AccountEmail = accountEmail ?? throw new ArgumentNullException(nameof(accountEmail));
            MaximumAge = maximumAge;
            ReplayStorePath = replayStorePath;
        }

        public SecureString AccountEmail { get; }
        public TimeSpan MaximumAge { get; }
        public string? ReplayStorePath { get; }
    }

    /// <summary>What checking one webhook body found: the tracking it carries, accepted, or the reason it was not.</summary>
    public sealed class WebhookOutcome
    {
        private WebhookOutcome(WebhookMessage? message, WebhookRefusal? refusal, Exception? failure)
        {
            Message = message;
            Refusal = refusal;
            Failure = failure;
        }

        /// <summary>The body as read (its tracking and verifyInfo); null only when it could not be read.</summary>
        public WebhookMessage? Message { get; }

        /// <summary>The body's tracking; null only when the body could not be read.</summary>
        public Tracking? Tracking => Message?.Tracking;

        /// <summary>Why the body was not accepted; null when it was.</summary>
        public WebhookRefusal? Refusal { get; }

        /// <summary>What failed, for <see cref="WebhookRefusal.BodyInvalid"/> (a FormatException) and <see cref="WebhookRefusal.ReplayStoreFailed"/> (an IOException or UnauthorizedAccessException).</summary>
        public Exception? Failure { get; }

        public bool IsAccepted => Refusal == null;

        /// <summary>When verifyInfo.timeStr says the body was signed, when it is a unix time.</summary>
        public DateTimeOffset? SignedAt => WebhookFreshness.SignedAt(Message?.TimeStr);

        internal static WebhookOutcome Accepted(WebhookMessage message) => new WebhookOutcome(message, null, null);

        internal static WebhookOutcome Refused(WebhookMessage? message, WebhookRefusal refusal, Exception? failure = null) => new WebhookOutcome(message, refusal, failure);
    }

    /// <summary>Reads and checks the body TrackingMore posts to a webhook.</summary>
    public static class TrackingWebhook
    {
        /// <exception cref="System.FormatException">The body is not JSON, not an object, or holds no tracking.</exception>
        public static WebhookMessage Read(string body) => WebhookReader.Read(body);

        /// <summary>
        /// Reads a webhook body and checks it, in this order: readable; signed (<see cref="WebhookSignature"/>); naming a
        /// tracking the service could have sent (checked before the replay guard, so the guard never remembers such a
        /// call); signed recently and not seen before (<see cref="WebhookFreshness"/>, which then remembers it). With
        /// no <paramref name="verification"/> only the first and third checks are made (for bodies checked another way).
        /// </summary>
        /// <param name="now">The time the age is measured from.</param>
        /// <exception cref="ArgumentOutOfRangeException">The verification's age is not longer than zero and at most <see cref="WebhookFreshness.LongestMaximumAge"/>.</exception>
        public static WebhookOutcome Check(string body, WebhookVerification? verification, DateTimeOffset now)
        {
            WebhookMessage message;
            try
            {
                message = WebhookReader.Read(body);
            }
            catch (FormatException invalid)
            {
                return WebhookOutcome.Refused(null, WebhookRefusal.BodyInvalid, invalid);
            }
            if (verification != null)
            {
                switch (WebhookSignature.Check(message.TimeStr, message.Signature, verification.AccountEmail))
                {
                    case WebhookSignatureStatus.Missing: return WebhookOutcome.Refused(message, WebhookRefusal.SignatureMissing);
                    case WebhookSignatureStatus.Invalid: return WebhookOutcome.Refused(message, WebhookRefusal.SignatureInvalid);
                }
            }
            if (!TrackingRules.CouldBeSent(message.Tracking.TrackingNumber, message.Tracking.CarrierCode))
                return WebhookOutcome.Refused(message, WebhookRefusal.TrackingInvalid);
            if (verification == null) return WebhookOutcome.Accepted(message);

            WebhookFreshnessStatus status;
            try
            {
                // A valid signature is 64 hex digits, so it decodes.
                status = WebhookFreshness.Accept(message.TimeStr!, WebhookSignature.Decode(message.Signature)!, message.Tracking.TrackingNumber,
                    message.Tracking.CarrierCode, verification.MaximumAge, now, verification.ReplayStorePath);
            }
            catch (Exception failure) when (failure is IOException || failure is UnauthorizedAccessException)
            {
                return WebhookOutcome.Refused(message, WebhookRefusal.ReplayStoreFailed, failure);
            }
            switch (status)
            {
                case WebhookFreshnessStatus.NotATime: return WebhookOutcome.Refused(message, WebhookRefusal.TimeInvalid);
                case WebhookFreshnessStatus.Stale: return WebhookOutcome.Refused(message, WebhookRefusal.Stale);
                case WebhookFreshnessStatus.Replayed: return WebhookOutcome.Refused(message, WebhookRefusal.Replayed);
                case WebhookFreshnessStatus.GuardFull: return WebhookOutcome.Refused(message, WebhookRefusal.GuardFull);
                default: return WebhookOutcome.Accepted(message);
            }
        }
    }
}
