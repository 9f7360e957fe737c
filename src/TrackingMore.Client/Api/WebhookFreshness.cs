using System;
using System.Collections.Generic;
using System.Globalization;

namespace TrackingMore.Api
{
    /// <summary>What checking when a webhook was signed, and whether it was seen before, found.</summary>
    public enum WebhookFreshnessStatus
    {
        Fresh,

        /// <summary>verifyInfo.timeStr is not a unix time (seconds or milliseconds).</summary>
        NotATime,

        /// <summary>Signed longer ago than the age allowed, or further in the future than clocks drift.</summary>
        Stale,

        /// <summary>The same signed call was accepted before, within the age allowed.</summary>
        Replayed,
    }

    /// <summary>
    /// The v2 signature covers only timeStr, so a captured verifyInfo verifies any body. What can be checked is that
    /// the time is recent and that the same call is not accepted twice: this guard remembers each accepted call
    /// (timeStr, signature and the tracking it names) until it is too old to be accepted anyway. It is shared by
    /// every runspace of the process, so a listener with several runspaces refuses a replay whichever one gets it.
    /// </summary>
    public static class WebhookFreshness
    {
        /// <summary>How far a sender's clock may run ahead of ours.</summary>
        public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(1);

        private static readonly object Lock = new object();
        private static readonly Dictionary<string, DateTimeOffset> AcceptedUntil = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        private static int _nextPurgeAt = 1024;

        /// <summary>A unix time of 10 digits (seconds) or 13 (milliseconds), as the service writes it; else null.</summary>
        public static DateTimeOffset? SignedAt(string? timeStr)
        {
            if (timeStr == null || (timeStr.Length != 10 && timeStr.Length != 13)) return null;
            foreach (var c in timeStr)
                if (c < '0' || c > '9') return null;
            var value = long.Parse(timeStr, NumberStyles.None, CultureInfo.InvariantCulture);
            return timeStr.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }

        /// <summary>Accepts a correctly signed call once, if it is recent; <paramref name="call"/> names the call (signature and tracking).</summary>
        public static WebhookFreshnessStatus Accept(string timeStr, string call, TimeSpan maximumAge, DateTimeOffset now)
        {
            if (!(SignedAt(timeStr) is DateTimeOffset signedAt)) return WebhookFreshnessStatus.NotATime;
            if (now - signedAt > maximumAge || signedAt - now > AllowedClockSkew) return WebhookFreshnessStatus.Stale;
            var key = timeStr + "\n" + call;
            lock (Lock)
            {
                if (AcceptedUntil.TryGetValue(key, out var until) && until >= now) return WebhookFreshnessStatus.Replayed;
                if (AcceptedUntil.Count >= _nextPurgeAt) Purge(now);
                // Past this instant the call is stale anyway, so it need not be remembered longer.
                AcceptedUntil[key] = signedAt + maximumAge;
            }
            return WebhookFreshnessStatus.Fresh;
        }

        private static void Purge(DateTimeOffset now)
        {
            var expired = new List<string>();
            foreach (var entry in AcceptedUntil)
                if (entry.Value < now) expired.Add(entry.Key);
            foreach (var key in expired) AcceptedUntil.Remove(key);
            _nextPurgeAt = Math.Max(1024, AcceptedUntil.Count * 2);
        }
    }
}
