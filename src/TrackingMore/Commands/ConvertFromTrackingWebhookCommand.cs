using System;
using System.Management.Automation;
using System.Security;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Reads the body of a TrackingMore (v2) webhook into the same Tracking object Get-Tracking gives, after
    /// checking its signature: verifyInfo.signature must be the HMAC-SHA256 of verifyInfo.timeStr keyed with the
    /// account's e-mail. A body that fails the check is an error, not an object. Sends nothing.
    /// </summary>
    [Cmdlet(VerbsData.ConvertFrom, "TrackingWebhook", DefaultParameterSetName = VerifySet)]
    [OutputType(typeof(Tracking))]
    public sealed class ConvertFromTrackingWebhookCommand : PSCmdlet
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

        /// <summary>Reads the body without checking its signature: for bodies already checked, or for tests.</summary>
        [Parameter(Mandatory = true, ParameterSetName = SkipSet)]
        public SwitchParameter SkipSignatureCheck { get; set; }

        protected override void ProcessRecord()
        {
            WebhookMessage message;
            try
            {
                message = WebhookReader.Read(Body);
            }
            catch (FormatException invalid)
            {
                WriteError(new ErrorRecord(invalid, "TrackingMore.WebhookBodyInvalid", ErrorCategory.InvalidData, Body));
                return;
            }
            if (!SkipSignatureCheck)
            {
                var status = WebhookSignature.Check(message.TimeStr, message.Signature, AccountEmail!);
                if (status != WebhookSignatureStatus.Valid)
                {
                    WriteError(SignatureError(status, message.Tracking));
                    return;
                }
            }
            WriteObject(message.Tracking);
        }

        private static ErrorRecord SignatureError(WebhookSignatureStatus status, Tracking tracking)
        {
            var missing = status == WebhookSignatureStatus.Missing;
            var text = missing
                ? "The webhook body for " + tracking + " has no signature (verifyInfo.timeStr and verifyInfo.signature), so it cannot be shown to come from TrackingMore."
                : "The webhook signature for " + tracking + " does not match: verifyInfo.signature is not the HMAC-SHA256 of verifyInfo.timeStr keyed with the e-mail given. " +
                  "The body was altered or forged, or -AccountEmail is not the account's login e-mail.";
            return new ErrorRecord(new SecurityException(text), missing ? "TrackingMore.WebhookSignatureMissing" : "TrackingMore.WebhookSignatureInvalid",
                ErrorCategory.SecurityError, tracking)
            {
                ErrorDetails = new ErrorDetails(text) { RecommendedAction = "Reject the request. Use -SkipSignatureCheck only for bodies checked another way." },
            };
        }
    }
}
