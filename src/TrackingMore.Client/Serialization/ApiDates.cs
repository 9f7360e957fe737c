using System;
using System.Collections.Generic;
using System.Globalization;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// The API's times come in several shapes (see api-v2.md): ISO-8601 with offset for record times, carrier-local
    /// "yyyy-MM-dd HH:mm[:ss]" without a zone for checkpoints, unix seconds (sometimes as a string) for account times
    /// and <c>0</c> for "none". Every reader here returns null rather than throwing on a shape it does not know.
    /// </summary>
    internal static class ApiDates
    {
        private static readonly string[] LocalFormats =
        {
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
            "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
        };

        private static readonly DateTimeOffset UnixEpoch = new DateTimeOffset(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

        /// <summary>A record time such as <c>2015-10-30T11:35:16+08:00</c>; a zone-less text is taken as UTC.</summary>
        public static DateTimeOffset? ParseInstant(string? text)
        {
            if (string.IsNullOrWhiteSpace(text) || text == "0") return null;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
                return parsed;
            return FromUnixText(text);
        }

        /// <summary>Whether a text is a carrier-local time in one of the API's written shapes (not unix seconds).</summary>
        public static bool IsLocalTimeText(string text) =>
            DateTime.TryParseExact(text.Trim(), LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

        /// <summary>A carrier-local time such as <c>2015-11-02 17:11</c>: no zone is known, so the kind is Unspecified.</summary>
        public static DateTime? ParseLocal(string? text)
        {
            if (string.IsNullOrWhiteSpace(text) || text == "0") return null;
            var trimmed = text!.Trim();
            if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
                return exact;
            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withZone))
                return withZone.DateTime;
            return FromUnixText(trimmed)?.UtcDateTime;
        }

        /// <summary>Unix seconds, as the API sends <c>regtime</c> (a string of digits).</summary>
        public static DateTimeOffset? FromUnixText(string? text)
        {
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                return null;
            return FromUnixSeconds(seconds);
        }

        public static DateTimeOffset? FromUnixSeconds(long seconds) =>
            seconds is > 0 and < 253402300800 ? UnixEpoch.AddSeconds(seconds) : (DateTimeOffset?)null;

        public static long ToUnixSeconds(DateTime time) =>
            (long)Math.Floor((ToUniversal(time) - UnixEpoch.UtcDateTime).TotalSeconds);

        public static long? ToUnixSeconds(DateTime? time) => time is DateTime value ? ToUnixSeconds(value) : (long?)null;

        /// <summary>
        /// PowerShell's [datetime] values are Local or Unspecified; both mean the user's local clock, as Get-Date does.
        /// </summary>
        public static DateTime ToUniversal(DateTime time) =>
            time.Kind == DateTimeKind.Utc ? time : DateTime.SpecifyKind(time, DateTimeKind.Local).ToUniversalTime();

        public static string ToApiLocalText(DateTime time) => time.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        public static string ToApiDayText(DateTime time) => time.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

        /// <summary>
        /// A stable newest-first order: items without a date keep their place after the dated ones rather than
        /// jumping ahead of them.
        /// </summary>
        public static List<T> NewestFirst<T>(IReadOnlyList<T> items, Func<T, DateTime?> date)
        {
            var indexed = new List<KeyValuePair<int, T>>(items.Count);
            for (var i = 0; i < items.Count; i++) indexed.Add(new KeyValuePair<int, T>(i, items[i]));
            indexed.Sort((a, b) =>
            {
                var left = date(a.Value);
                var right = date(b.Value);
                if (left.HasValue && right.HasValue && left.Value != right.Value) return right.Value.CompareTo(left.Value);
                if (left.HasValue != right.HasValue) return left.HasValue ? -1 : 1;
                return a.Key.CompareTo(b.Key);
            });
            var ordered = new List<T>(items.Count);
            foreach (var pair in indexed) ordered.Add(pair.Value);
            return ordered;
        }
    }
}
