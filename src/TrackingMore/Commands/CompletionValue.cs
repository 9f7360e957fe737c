using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using TrackingMore.Api;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Completion results from values that may come from a server: what Tab inserts is parsed as code, so a value
    /// that is not a plain token ("ups$(Remove-Item ...)", "-Confirm", "a b") is inserted single-quoted, where
    /// nothing in it runs; a value with a control character is never offered; labels and tool tips are cleaned.
    /// </summary>
    internal static class CompletionValue
    {
        private static readonly Regex PlainToken = new Regex("^[A-Za-z0-9_][A-Za-z0-9_.-]*$", RegexOptions.CultureInvariant);

        /// <summary>The result for <paramref name="value"/>, or null when it must not be offered.</summary>
        public static CompletionResult? Create(string? value, string listItemText, string toolTip)
        {
            if (string.IsNullOrEmpty(value) || HasControl(value!)) return null;
            var text = PlainToken.IsMatch(value) ? value : "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'";
            return new CompletionResult(text, Label(listItemText, value!), CompletionResultType.ParameterValue, Label(toolTip, value!));
        }

        private static string Label(string text, string fallback)
        {
            var clean = SecretText.Clean(text).Trim();
            return clean.Length > 0 ? clean : fallback;
        }

        private static bool HasControl(string value)
        {
            foreach (var c in value)
                if (char.IsControl(c)) return true;
            return false;
        }
    }
}
