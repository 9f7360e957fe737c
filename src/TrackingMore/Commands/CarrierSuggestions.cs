using System;
using System.Collections.Generic;
using System.Linq;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// The known carrier codes nearest to one the service refused ("did you mean china-post?"), by edit distance,
    /// from a carrier list already fetched: suggesting never sends a request.
    /// </summary>
    internal static class CarrierSuggestions
    {
        private const int MaximumSuggestions = 3;

        public static IReadOnlyList<string> Nearest(string code, IReadOnlyList<Carrier> known)
        {
            var wanted = code.Trim().ToLowerInvariant();
            // A typo or two in a short code, about a third of a long one.
            var allowed = Math.Max(2, wanted.Length / 3);
            return known
                .Where(carrier => !string.IsNullOrEmpty(carrier.Code))
                .Select(carrier => (carrier.Code!, Distance: Distance(wanted, carrier.Code!.ToLowerInvariant())))
                .Where(candidate => candidate.Distance > 0 && candidate.Distance <= allowed)
                .OrderBy(candidate => candidate.Distance).ThenBy(candidate => candidate.Item1, StringComparer.Ordinal)
                .Select(candidate => candidate.Item1)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .Take(MaximumSuggestions)
                .ToArray();
        }

        /// <summary>Levenshtein distance, two rows at a time.</summary>
        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++) previous[j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
                }
                (previous, current) = (current, previous);
            }
            return previous[b.Length];
        }
    }
}
