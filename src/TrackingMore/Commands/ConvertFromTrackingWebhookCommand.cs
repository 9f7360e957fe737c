using System;
using System.IO;
using System.Management.Automation;
using System.Security;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Reads the body of a TrackingMore (v2) webhook into the same Tracking object Get-Tracking gives, after
    /// checking it: verifyInfo.signature must be the HMAC-SHA256 of verifyInfo.timeStr keyed with the account's
    /// e-mail, timeStr must be recent, and the same call must not have been accepted before. v2 signs only timeStr,
    /// not the body, so -Refresh reads the tracking back from the API instead of trusting the body's fields.
    /// A body that fails a check is an error against that body, and the next body is read: a listener's pipeline
    /// goes on whatever a sender posts.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "TrackingWebhook", DefaultParameterSetName = VerifySet)]
    [OutputType(typeof(Tracking))]
    public sealed class ConvertFromTrackingWebhookCommand : TrackingMoreCmdlet
    {
        private const string VerifySet = "Verify";
        private const string SkipSet = "SkipSignatureCheck";

        /// <summary>The request body as text (Get-Content -Raw for a saved one).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
        [AllowEmptyString]
        public string Body { get; set; } = string.Empty;

        /// <summary>The account's login e-mail, which keys the signature.</summary>
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = VerifySet)]
        public SecureString? AccountEmail { get; set; }

        /// <summary>How old verifyInfo.timeStr may be (default 5 minutes, at most 1 day); older calls fail with TrackingMore.WebhookStale.</summary>
        [Parameter(ParameterSetName = VerifySet)]
        [ValidateWebhookAge]
        public TimeSpan MaximumAge { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>A file that keeps the replay guard, shared by every process naming it and kept across restarts.</summary>
        [Parameter(ParameterSetName = VerifySet)]
        [ValidateNotNullOrEmpty]
        public string? ReplayStore { get; set; }

        /// <summary>Reads the body without checking its signature: for bodies already checked, or for tests.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SkipSet)]
        public SwitchParameter SkipSignatureCheck { get; set; }

        /// <summary>Writes the tracking as the API has it now (one GET) rather than as the body tells it.</summary>
        [Parameter]
        public SwitchParameter Refresh { get; set; }

        private static readonly ValidateTrackingNumberAttribute NumberRule = new ValidateTrackingNumberAttribute();
        private static readonly ValidateCarrierCodeAttribute CarrierRule = new ValidateCarrierCodeAttribute();
        private string? _storePath;

        protected override void BeginProcessing()
        {
            if (ReplayStore != null) _storePath = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReplayStore);
        }

        protected override void ProcessRecord()
        {
            WebhookMessage message;
            try
            {
                message = TrackingWebhook.Read(Body);
            }
            catch (FormatException invalid)
            {
                // The body is the sender's: the error carries a short, cleaned preview of it, not all of it.
                WriteError(new ErrorRecord(new FormatException(SecretText.Clean(invalid.Message), invalid), "TrackingMore.WebhookBodyInvalid",
                    ErrorCategory.InvalidData, SecretText.Preview(Body)));
                return;
            }
            if ((SignatureRefusal(message) ?? IdentityRefusal(message) ?? FreshnessRefusal(message)) is ErrorRecord refusal)
            {
                WriteError(refusal);
                return;
            }
            if (!Refresh)
            {
                WriteObject(message.Tracking);
                return;
            }
            if (message.Tracking.TrackingNumber is string number && message.Tracking.CarrierCode is string carrier)
            {
                var identity = new TrackingIdentity(number, carrier);
                WriteAnswer(identity, call => Client.GetTrackingAsync(identity, null, call));
            }
            else
            {
                WriteError(ErrorRecords.InvalidArgument("The webhook body names no tracking number and carrier, so -Refresh has nothing to read back.",
                    "TrackingMore.WebhookBodyInvalid", SecretText.Preview(Body)));
            }
        }

        private static string About(WebhookMessage message) => SecretText.Preview(message.Tracking.ToString(), 80);

        /// <summary>The error for a body whose signature fails, or null when it passes (or is not checked).</summary>
        private ErrorRecord? SignatureRefusal(WebhookMessage message)
        {
            if (SkipSignatureCheck) return null;
            switch (WebhookSignature.Check(message.TimeStr, message.Signature, AccountEmail!))
            {
                case WebhookSignatureStatus.Missing:
                    return Refusal("TrackingMore.WebhookSignatureMissing", message,
                        "The webhook body for " + About(message) + " has no signature (verifyInfo.timeStr and verifyInfo.signature), so it cannot be shown to come from TrackingMore.");
                case WebhookSignatureStatus.Invalid:
                    return Refusal("TrackingMore.WebhookSignatureInvalid", message,
                        "The webhook signature for " + About(message) + " does not match: verifyInfo.signature is not the HMAC-SHA256 of verifyInfo.timeStr keyed with the e-mail given. " +
                        "The body was altered or forged, or -AccountEmail is not the account's login e-mail.");
                default:
                    return null;
            }
        }

        /// <summary>
        /// The error for a body whose number or carrier the service could not have sent (over 50 characters, only
        /// dots, not a carrier code), which -Refresh could not ask for and the replay guard need not remember.
        /// </summary>
        private ErrorRecord? IdentityRefusal(WebhookMessage message)
        {
            var number = message.Tracking.TrackingNumber;
            var carrier = message.Tracking.CarrierCode;
            var problem = (number == null ? null : NumberRule.ProblemWith(number)) ??
                          (carrier == null ? null : CarrierRule.ProblemWith(carrier.Trim().ToLowerInvariant()));
            return problem == null ? null : ErrorRecords.InvalidArgument(
                "The webhook body for " + About(message) + " names a tracking the service could not have sent: " + SecretText.Preview(problem, 160),
                "TrackingMore.WebhookBodyInvalid", SecretText.Preview(Body));
        }

        /// <summary>The error for a signed body that is stale or seen before, or null when it is fresh (or not checked).</summary>
        private ErrorRecord? FreshnessRefusal(WebhookMessage message)
        {
            if (SkipSignatureCheck) return null;
            var about = About(message);
            WebhookFreshnessStatus status;
            try
            {
                status = WebhookFreshness.Accept(message.TimeStr!, WebhookSignature.Decode(message.Signature)!, message.Tracking.TrackingNumber,
                    message.Tracking.CarrierCode, MaximumAge, DateTimeOffset.UtcNow, _storePath);
            }
            catch (Exception failure) when (failure is IOException || failure is UnauthorizedAccessException)
            {
                return new ErrorRecord(failure, "TrackingMore.WebhookReplayStoreFailed", ErrorCategory.WriteError, _storePath)
                {
                    ErrorDetails = new ErrorDetails("The webhook for " + about + " was not accepted: -ReplayStore could not be used: " + failure.Message)
                    { RecommendedAction = "Give -ReplayStore a file this process can read and write, or leave it out to keep the guard in memory." },
                };
            }
            switch (status)
            {
                case WebhookFreshnessStatus.NotATime:
                    return Refusal("TrackingMore.WebhookTimeInvalid", message,
                        "The webhook for " + about + " has a verifyInfo.timeStr that is not a unix time ('" + SecretText.Preview(message.TimeStr, 20) +
                        "'), so its age cannot be checked and a captured signature could be replayed for ever.");
                case WebhookFreshnessStatus.Stale:
                    return Refusal("TrackingMore.WebhookStale", message,
                        "The webhook for " + about + " was signed at " + WebhookFreshness.SignedAt(message.TimeStr)!.Value.ToString("u") +
                        ", outside -MaximumAge " + MaximumAge + " of now (or before what the replay guard can still tell apart). An old signature may be a captured one sent again.");
                case WebhookFreshnessStatus.Replayed:
                    return Refusal("TrackingMore.WebhookReplayed", message,
                        "The webhook for " + about + " with this signature was accepted before: this is a replay.");
                case WebhookFreshnessStatus.GuardFull:
                    return Refusal("TrackingMore.WebhookReplayGuardFull", message,
                        "The webhook for " + about + " was not accepted: the replay guard already remembers " + WebhookFreshness.MaximumEntries +
                        " calls within -MaximumAge, and forgetting one would let it be replayed.");
                default:
                    return null;
            }
        }

        private static ErrorRecord Refusal(string errorId, WebhookMessage message, string text) =>
            new ErrorRecord(new SecurityException(text), errorId, ErrorCategory.SecurityError, message.Tracking)
            {
                ErrorDetails = new ErrorDetails(text) { RecommendedAction = "Reject the request. Use -SkipSignatureCheck only for bodies checked another way." },
            };
    }
}
