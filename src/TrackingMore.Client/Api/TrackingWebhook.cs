using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>Reads the body TrackingMore posts to a webhook; check it with <see cref="WebhookSignature"/> and <see cref="WebhookFreshness"/>.</summary>
    public static class TrackingWebhook
    {
        /// <exception cref="System.FormatException">The body is not JSON, not an object, or holds no tracking.</exception>
        public static WebhookMessage Read(string body) => WebhookReader.Read(body);
    }
}
