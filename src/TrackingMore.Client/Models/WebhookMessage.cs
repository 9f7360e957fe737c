namespace TrackingMore.Models
{
    /// <summary>A webhook body read: its tracking and the signature fields that vouch for it.</summary>
    public sealed class WebhookMessage
    {
        public WebhookMessage(Tracking tracking, string? timeStr, string? signature)
        {
            Tracking = tracking;
            TimeStr = timeStr;
            Signature = signature;
        }

        public Tracking Tracking { get; }

        /// <summary>verifyInfo.timeStr: the text the service signed.</summary>
        public string? TimeStr { get; }

        /// <summary>verifyInfo.signature: lower-case hex HMAC-SHA256 of <see cref="TimeStr"/>.</summary>
        public string? Signature { get; }
    }
}
