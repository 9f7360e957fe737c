using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TrackingMore.Api
{
    /// <summary>
    /// Turns text that a server, a proxy or a webhook sender wrote into text that is safe to show in a message,
    /// a Verbose line or a transcript: no API key, no terminal control sequences.
    /// </summary>
    public static class SecretText
    {
        /// <summary>
        /// "&lt;key header&gt;: value" as a proxy's header dump, a JSON echo or a query string would print it, under
        /// the key header of every API version (each dialect names its own). The value is masked whatever it is: it
        /// may be another key of the same user.
        /// </summary>
        private static readonly Regex EchoedHeader = new Regex(
            "((?:" + string.Join("|", System.Linq.Enumerable.Select(Dialects.ApiDialect.EveryKeyHeader, Regex.Escape)) + @")[""']?\s*[:=]\s*[""']?)[^\s""'<>,;&]+",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <summary>The key (as sent, and percent-encoded) and any echoed key header become <paramref name="masked"/>; then <see cref="Clean"/>.</summary>
        public static string Redact(string? text, string key, string masked)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var result = text!;
            if (key.Length > 0)
            {
                result = result.Replace(key, masked);
                var escaped = Uri.EscapeDataString(key);
                if (escaped != key) result = result.Replace(escaped, masked);
            }
            result = EchoedHeader.Replace(result, match => match.Groups[1].Value + masked);
            return Clean(result);
        }

        /// <summary>
        /// Control characters (ESC, CR, BEL: what rewrites a terminal) become spaces; invisible format characters
        /// (right-to-left overrides, zero-width spaces) are dropped, so a message shows what it says.
        /// </summary>
        public static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            StringBuilder? builder = null;
            for (var i = 0; i < text!.Length; i++)
            {
                var c = text[i];
                var control = char.IsControl(c);
                var format = !control && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
                if (!control && !format)
                {
                    builder?.Append(c);
                    continue;
                }
                builder ??= new StringBuilder(text, 0, i, text.Length);
                if (control) builder.Append(' ');
            }
            return builder?.ToString() ?? text;
        }

        /// <summary>The first <paramref name="maxChars"/> characters of a cleaned text, for a message or an error's target.</summary>
        public static string Preview(string? text, int maxChars = 200)
        {
            var clean = Clean(text).Trim();
            return clean.Length <= maxChars ? clean : clean.Substring(0, maxChars) + "...";
        }
    }
}
