using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>
    /// Lists the carriers the API knows (GET /carriers). The list is fetched once per connection and kept, so
    /// later calls and tab completion of -CarrierCode cost nothing; -Force fetches it again.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "TrackingCarrier")]
    [OutputType(typeof(Carrier))]
    public sealed class GetTrackingCarrierCommand : TrackingMoreCmdlet
    {
        /// <summary>Names or codes, wildcards allowed (dhl*, *post*), case-insensitive.</summary>
        [Parameter(Position = 0)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>Kinds of carrier as the API names them: express, globalpost, ...; checked against the list.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CarrierTypeCompleter))]
        public string[]? Type { get; set; }

        /// <summary>Fetches the list again instead of using the one this connection keeps.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void EndOfInput()
        {
            var connection = State;
            var carriers = connection.CarrierCache;
            if (carriers == null || Force)
            {
                carriers = RunOrThrow(call => connection.Client.ListCarriersAsync(call));
                connection.CarrierCache = carriers;
            }
            else
            {
                WriteVerbose(carriers.Count + " carriers from this connection's list; -Force fetches it again.");
            }

            var patterns = (Name ?? Array.Empty<string>())
                .Select(name => new WildcardPattern(name, WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant)).ToArray();
            var types = new HashSet<string>(Type ?? Array.Empty<string>(), StringComparer.OrdinalIgnoreCase);
            // The kinds are data, not a fixed set (the API documents two and may send more), so a -Type is checked against
            // the list itself: a misspelt kind would otherwise match nothing and look like an empty answer.
            var known = CarrierTypeCompleter.KnownTypes(carriers).ToList();
            var unknown = types.Where(type => !known.Contains(type, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknown.Count > 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-Type " + string.Join(", ", unknown.Select(type => "'" + type + "'")) + " is no kind of carrier in the list. The kinds are: " +
                    string.Join(", ", known.Where(CarrierTypeCompleter.IsPlainWord)) + " (Tab completes them).", "TrackingMore.UnknownCarrierType", unknown.ToArray()));
            var matched = new bool[patterns.Length];
            foreach (var carrier in carriers)
            {
                if (types.Count > 0 && !types.Contains(carrier.Type ?? string.Empty)) continue;
                var wanted = patterns.Length == 0;
                for (var i = 0; i < patterns.Length; i++)
                {
                    if (!patterns[i].IsMatch(carrier.Name ?? string.Empty) && !patterns[i].IsMatch(carrier.Code ?? string.Empty)) continue;
                    matched[i] = true;
                    wanted = true;
                }
                if (wanted) WriteObject(carrier);
            }

            // As Get-Command does: a name without wildcards that matched nothing is an error; a pattern may match nothing.
            for (var i = 0; i < patterns.Length; i++)
            {
                if (matched[i] || WildcardPattern.ContainsWildcardCharacters(Name![i])) continue;
                WriteError(new ErrorRecord(
                    new ItemNotFoundException("No carrier is named or coded '" + Name[i] + "'" + (types.Count > 0 ? " among the types given" : string.Empty) +
                                              ". Try a wildcard, e.g. Get-TrackingCarrier *" + Name[i] + "*."),
                    "TrackingMore.CarrierNotFound", ErrorCategory.ObjectNotFound, Name[i]));
            }
        }
    }
}
