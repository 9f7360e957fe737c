using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Text.RegularExpressions;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Tab completion of Get-TrackingCarrier -Type: the kinds the API documents (express, globalpost) and any other
    /// kind in the carrier list the connection has cached, never by calling the API. A kind from the list is offered
    /// only when it is a plain word, so a server's text can neither run as code nor reach the terminal through Tab.
    /// </summary>
    public sealed class CarrierTypeCompleter : IArgumentCompleter
    {
        /// <summary>The kinds api-v2.md names for GET /carriers; the list may hold more.</summary>
        internal static readonly string[] DocumentedTypes = { "express", "globalpost" };

        private static readonly Regex PlainWord = new Regex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant);

        /// <summary>Whether a kind from the server may be shown or offered as it is.</summary>
        internal static bool IsPlainWord(string type) => PlainWord.IsMatch(type);

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = fakeBoundParameters?["Connection"] as TrackingMoreConnection ?? RunspaceState.Current;
            var carriers = connection == null ? null : RunspaceState.Of(connection)?.CarrierCache;
            var word = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return KnownTypes(carriers)
                .Where(type => IsPlainWord(type) && type.StartsWith(word, StringComparison.OrdinalIgnoreCase))
                .Select(type => new CompletionResult(type, type, CompletionResultType.ParameterValue, type));
        }

        /// <summary>The documented kinds and those of the list, once each, sorted.</summary>
        internal static IEnumerable<string> KnownTypes(IEnumerable<Carrier>? carriers) =>
            DocumentedTypes.Concat((carriers ?? Enumerable.Empty<Carrier>()).Select(carrier => carrier.Type).Where(type => !string.IsNullOrEmpty(type))!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(type => type, StringComparer.OrdinalIgnoreCase)!;
    }
}
