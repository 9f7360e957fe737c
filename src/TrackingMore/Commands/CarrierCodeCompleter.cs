using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Tab completion of carrier codes from the list Get-TrackingCarrier cached on the connection the command will
    /// use: its -Connection when one is already typed, else the runspace's. Completion has to be instant and free,
    /// so it never calls the API: before the first Get-TrackingCarrier it offers nothing. PowerShell runs completers
    /// on the pipeline thread of the runspace being completed in, so <see cref="RunspaceState.Current"/> finds that
    /// runspace's connection. The codes are the server's: <see cref="CompletionValue"/> quotes any that is not a plain
    /// token and never offers one with a control character.
    /// </summary>
    public sealed class CarrierCodeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            // A typed variable ($c) arrives wrapped in a PSObject.
            var typed = fakeBoundParameters?["Connection"];
            var connection = (typed is PSObject wrapped ? wrapped.BaseObject : typed) as TrackingMoreConnection ?? RunspaceState.Current;
            var carriers = connection == null ? null : RunspaceState.Of(connection)?.CarrierCache;
            if (carriers == null) return Array.Empty<CompletionResult>();
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');

            // Codes that start with what was typed come first; then carriers whose name does (china -> china-post, chinapost, ...).
            var byCode = new List<CompletionResult>();
            var byName = new List<CompletionResult>();
            foreach (var carrier in carriers)
            {
                if (string.IsNullOrEmpty(carrier.Code)) continue;
                var byItsCode = carrier.Code!.StartsWith(word, StringComparison.OrdinalIgnoreCase);
                if (!byItsCode && (carrier.Name == null || !carrier.Name.StartsWith(word, StringComparison.OrdinalIgnoreCase))) continue;
                var label = carrier.ToString();
                if (!(CompletionValue.Create(carrier.Code, label, label) is { } result)) continue;
                (byItsCode ? byCode : byName).Add(result);
            }
            byCode.Sort((a, b) => string.CompareOrdinal(a.CompletionText, b.CompletionText));
            byCode.AddRange(byName);
            return byCode;
        }
    }
}
