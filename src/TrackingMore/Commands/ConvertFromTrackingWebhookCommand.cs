using System;
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
        private WebhookVerification? _verification;

        protected override void BeginProcessing()
        {
            var storePath = ReplayStore != null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReplayStore) : null;
            if (!SkipSignatureCheck) _verification = new WebhookVerification(AccountEmail!, MaximumAge, storePath);
        }

        protected override void ProcessRecord()
        {
            var outcome = TrackingWebhook.Check(Body, _verification, DateTimeOffset.UtcNow);
            if (outcome.Refusal is WebhookRefusal refusal)
            {
                WriteError(RefusalRecord(refusal, outcome));
                return;
            }
            var tracking = outcome.Tracking!;
            if (!Refresh)
            {
                WriteObject(tracking);
                return;
            }
            if (tracking.TrackingNumber is string number && tracking.CarrierCode is string carrier)
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

        /// <summary>The error for a body the check refused: its id, and a message that says what was wrong in this cmdlet's terms.</summary>
        private ErrorRecord RefusalRecord(WebhookRefusal refusal, WebhookOutcome outcome)
        {
            if (refusal == WebhookRefusal.BodyInvalid)
            {
                // The body is the sender's: the error carries a short, cleaned preview of it, not all of it.
                return new ErrorRecord(new FormatException(SecretText.Clean(outcome.Failure!.Message), outcome.Failure), "TrackingMore.WebhookBodyInvalid",
                    ErrorCategory.InvalidData, SecretText.Preview(Body));
            }
            var message = outcome.Message!;
            var about = About(message);
            switch (refusal)
            {
                case WebhookRefusal.SignatureMissing:
                    return Refusal("TrackingMore.WebhookSignatureMissing", message,
                        "The webhook body for " + about + " has no signature (verifyInfo.timeStr and verifyInfo.signature), so it cannot be shown to come from TrackingMore.");
                case WebhookRefusal.SignatureInvalid:
                    return Refusal("TrackingMore.WebhookSignatureInvalid", message,
                        "The webhook signature for " + about + " does not match: verifyInfo.signature is not the HMAC-SHA256 of verifyInfo.timeStr keyed with the e-mail given. " +
                        "The body was altered or forged, or -AccountEmail is not the account's login e-mail.");
                case WebhookRefusal.TrackingInvalid:
                    // Over 50 characters, only dots, not a carrier code: -Refresh could not ask for it, and the replay guard did not remember it.
                    return ErrorRecords.InvalidArgument(
                        "The webhook body for " + about + " names a tracking the service could not have sent: " + SecretText.Preview(Problem(message.Tracking), 160),
                        "TrackingMore.WebhookBodyInvalid", SecretText.Preview(Body));
                case WebhookRefusal.ReplayStoreFailed:
                    return new ErrorRecord(outcome.Failure, "TrackingMore.WebhookReplayStoreFailed", ErrorCategory.WriteError, _verification!.ReplayStorePath)
                    {
                        ErrorDetails = new ErrorDetails("The webhook for " + about + " was not accepted: -ReplayStore could not be used: " + outcome.Failure!.Message)
                        { RecommendedAction = "Give -ReplayStore a file this process can read and write, or leave it out to keep the guard in memory." },
                    };
                case WebhookRefusal.TimeInvalid:
                    return Refusal("TrackingMore.WebhookTimeInvalid", message,
                        "The webhook for " + about + " has a verifyInfo.timeStr that is not a unix time ('" + SecretText.Preview(message.TimeStr, 20) +
                        "'), so its age cannot be checked and a captured signature could be replayed for ever.");
                case WebhookRefusal.Stale:
                    return Refusal("TrackingMore.WebhookStale", message,
                        "The webhook for " + about + " was signed at " + outcome.SignedAt!.Value.ToString("u") +
                        ", outside -MaximumAge " + MaximumAge + " of now (or before what the replay guard can still tell apart). An old signature may be a captured one sent again.");
                case WebhookRefusal.Replayed:
                    return Refusal("TrackingMore.WebhookReplayed", message,
                        "The webhook for " + about + " with this signature was accepted before: this is a replay.");
                default:
                    return Refusal("TrackingMore.WebhookReplayGuardFull", message,
                        "The webhook for " + about + " was not accepted: the replay guard already remembers " + WebhookFreshness.MaximumEntries +
                        " calls within -MaximumAge, and forgetting one would let it be replayed.");
            }
        }

        /// <summary>What is wrong with a tracking the check found the service could not have sent, in the words parameter validation uses.</summary>
        private static string? Problem(Tracking tracking) =>
            (tracking.TrackingNumber is string number ? NumberRule.ProblemWith(number) : null) ??
            (tracking.CarrierCode is string carrier ? CarrierRule.ProblemWith(carrier.Trim().ToLowerInvariant()) : null);

        private static ErrorRecord Refusal(string errorId, WebhookMessage message, string text) =>
            new ErrorRecord(new SecurityException(text), errorId, ErrorCategory.SecurityError, message.Tracking)
            {
                ErrorDetails = new ErrorDetails(text) { RecommendedAction = "Reject the request. Use -SkipSignatureCheck only for bodies checked another way." },
            };
    }
}
