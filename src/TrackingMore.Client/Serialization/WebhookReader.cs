using System;
using System.Text.Json;
using TrackingMore.Models;
using static TrackingMore.Serialization.LooseJson;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Reads the body of a v2 webhook: <c>{"meta":{...},"data":{tracking},"verifyInfo":{"timeStr","signature"}}</c>,
    /// or the tracking's fields at the root beside verifyInfo. The tracking is read by <see cref="TrackingReader"/>,
    /// so it is the same object Get-Tracking gives.
    /// </summary>
    internal static class WebhookReader
    {
        /// <exception cref="FormatException">The body is not JSON, not an object, or holds no tracking.</exception>
        public static WebhookMessage Read(string body)
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body);
            }
            catch (JsonException malformed)
            {
                throw new FormatException("The webhook body is not valid JSON: " + malformed.Message, malformed);
            }
            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                    throw new FormatException("The webhook body is JSON but not an object (it starts with a " + root.ValueKind + ").");
                var verifyInfo = Property(root, "verifyInfo");
                return new WebhookMessage(ReadTracking(root), AsString(Property(verifyInfo, "timeStr")), AsString(Property(verifyInfo, "signature")));
            }
        }

        private static Tracking ReadTracking(JsonElement root)
        {
            var data = Property(root, "data");
            if (data.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return TrackingReader.ReadSingle(data);
            if (Property(root, "tracking_number").ValueKind == JsonValueKind.Undefined)
                throw new FormatException("The webhook body holds no tracking: it has neither a 'data' object nor a 'tracking_number' at its root.");
            var tracking = TrackingReader.ReadTracking(root);
            // At the root the tracking shares the object with the envelope's fields; those are not the tracking's.
            tracking.AdditionalProperties.Remove("meta");
            tracking.AdditionalProperties.Remove("verifyInfo");
            return tracking;
        }
    }
}
