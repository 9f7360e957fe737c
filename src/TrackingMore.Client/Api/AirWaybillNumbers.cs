using System.Text;
using System.Text.RegularExpressions;

namespace TrackingMore.Api
{
    /// <summary>
    /// Air waybill numbers: the airline's 3-digit prefix, an optional space or dash, and 7 or 8 digits
    /// (172-28891936). Checked before sending because every number sent costs 20 quota.
    /// </summary>
    public static class AirWaybillNumbers
    {
        public const string Example = "172-28891936";

        private static readonly Regex Shape = new Regex(@"^\d{3}[ -]?\d{7,8}$", RegexOptions.CultureInvariant);

        public static bool IsValid(string? number) => number != null && Shape.IsMatch(number);

        /// <summary>The digits alone: "172-28891936", "172 28891936" and "17228891936" are the same waybill.</summary>
        public static string Key(string? number)
        {
            var digits = new StringBuilder();
            foreach (var c in number ?? string.Empty)
                if (c >= '0' && c <= '9') digits.Append(c);
            return digits.ToString();
        }
    }
}
