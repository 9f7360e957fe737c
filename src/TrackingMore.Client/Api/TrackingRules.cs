using System.Globalization;
using System.Text.RegularExpressions;

namespace TrackingMore.Api
{
    /// <summary>What is wrong with a tracking number the service could not take (the first thing found), or <see cref="None"/>.</summary>
    public enum TrackingNumberProblem
    {
        None,
        /// <summary>Empty or white space.</summary>
        Empty,
        /// <summary>Over <see cref="TrackingRules.MaxNumberLength"/> characters.</summary>
        TooLong,
        /// <summary>A control character (a tab, a line break, an escape).</summary>
        ControlCharacter,
        /// <summary>An invisible format character (U+202E, U+200B), a line or paragraph separator, or a space other than the plain one.</summary>
        InvisibleCharacter,
        /// <summary>A space inside (one at either end is trimmed, as CSV cells carry them): another number, which costs quota and finds nothing.</summary>
        SpaceInside,
        /// <summary>Only dots, which a URL reads as "this folder" or "the one above", reaching another endpoint.</summary>
        OnlyDots,
    }

    /// <summary>
    /// The shape of what the service takes as a tracking: the number (any other character is allowed and escaped in the
    /// URL; '/', '?', '#', '%' round-trip) and the carrier code (the API's lower-case slugs). The module's parameter
    /// validation and the webhook check both ask here.
    /// </summary>
    public static class TrackingRules
    {
        public const int MaxNumberLength = 50;

        private static readonly Regex CarrierSlug = new Regex("^[0-9a-z_-]{1,50}$", RegexOptions.CultureInvariant);

        /// <param name="offending">The character a <see cref="TrackingNumberProblem.ControlCharacter"/> or <see cref="TrackingNumberProblem.InvisibleCharacter"/> is about.</param>
        public static TrackingNumberProblem CheckNumber(string? number, out char offending)
        {
            offending = default;
            if (string.IsNullOrWhiteSpace(number)) return TrackingNumberProblem.Empty;
            if (number!.Length > MaxNumberLength) return TrackingNumberProblem.TooLong;
            foreach (var c in number)
            {
                offending = c;
                if (char.IsControl(c)) return TrackingNumberProblem.ControlCharacter;
                if (IsHiddenOrOddSpace(c)) return TrackingNumberProblem.InvisibleCharacter;
            }
            offending = default;
            var trimmed = number.Trim();
            if (trimmed.IndexOf(' ') >= 0) return TrackingNumberProblem.SpaceInside;
            if (trimmed.Trim('.').Length == 0) return TrackingNumberProblem.OnlyDots;
            return TrackingNumberProblem.None;
        }

        /// <summary>Letters, digits, '-' and '_', lower case, at most 50.</summary>
        public static bool IsCarrierCode(string? code) => code != null && CarrierSlug.IsMatch(code);

        /// <summary>Whether the service could have sent this tracking (a webhook's): a number and a carrier code of its shapes, where present.</summary>
        internal static bool CouldBeSent(string? number, string? carrierCode) =>
            (number == null || CheckNumber(number, out _) == TrackingNumberProblem.None) &&
            (carrierCode == null || IsCarrierCode(carrierCode.Trim().ToLowerInvariant()));

        /// <summary>Format characters, line and paragraph separators, and every space but the plain one.</summary>
        private static bool IsHiddenOrOddSpace(char c)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                    return true;
                case UnicodeCategory.SpaceSeparator:
                    return c != ' ';
                default:
                    return false;
            }
        }
    }
}
