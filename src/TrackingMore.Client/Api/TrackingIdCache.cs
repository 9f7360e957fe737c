using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TrackingMore.Models;

namespace TrackingMore.Api
{
    /// <summary>
    /// The ids of trackings by number and carrier, for a version that addresses trackings by id (v4): looked up with
    /// the list's numbers filter (up to <see cref="ApiCapabilities.MaxListValues"/> numbers a request) and remembered
    /// for the client's life, so piping many items, or the same one twice, costs one look-up. Only ids found are
    /// remembered: a tracking created later is found by the next look-up.
    /// </summary>
    internal sealed class TrackingIdCache
    {
        private readonly ConcurrentDictionary<(string Number, string Carrier), string> _ids = new ConcurrentDictionary<(string, string), string>();

        /// <summary>Looks up every item without an id that is not remembered yet, one list request for each <see cref="ApiCapabilities.MaxListValues"/> numbers.</summary>
        public async Task PrefetchAsync(ITrackingMoreClient client, IReadOnlyList<TrackingIdentity> items, CallContext call)
        {
            var numbers = items.Where(item => item.Id == null && !_ids.ContainsKey(Key(item)))
                .Select(item => item.TrackingNumber).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
            var perRequest = client.Capabilities.MaxListValues;
            for (var start = 0; start < numbers.Length; start += perRequest)
                await LookUpAsync(client, numbers.Skip(start).Take(perRequest).ToArray(), call).ConfigureAwait(false);
        }

        /// <summary>
        /// The item's id: its own, a remembered one, or one looked up now. None found is
        /// <see cref="FailureReason.NotFound"/>, more than one <see cref="FailureReason.Ambiguous"/>.
        /// </summary>
        public async Task<string> IdOfAsync(ITrackingMoreClient client, TrackingIdentity item, CallContext call, string endpoint)
        {
            if (item.Id != null) return item.Id;
            if (_ids.TryGetValue(Key(item), out var remembered)) return remembered;
            var matches = (await LookUpAsync(client, new[] { item.TrackingNumber }, call).ConfigureAwait(false))
                .Where(found => Matches(found, item)).GroupBy(found => found.Id).Select(same => same.First()).ToArray();
            return matches.Length switch
            {
                1 => matches[0].Id!,
                0 => throw new TrackingMoreApiException(FailureReason.NotFound,
                    "The account has no tracking " + item + " (looked up by number for its id, which " + endpoint + " needs).", endpoint),
                _ => throw new TrackingMoreApiException(FailureReason.Ambiguous,
                    matches.Length + " trackings of the account answer to " + item + " (ids " + string.Join(", ", matches.Select(m => m.Id)) +
                    "); " + endpoint + " needs one id. Nothing was sent.", endpoint),
            };
        }

        /// <summary>The tracking is gone (removed): its id is not remembered any more.</summary>
        public void Forget(TrackingIdentity item) => _ids.TryRemove(Key(item), out _);

        /// <summary>The tracking moved to another carrier under the same id.</summary>
        public void Moved(TrackingIdentity item, string id, string newCarrierCode)
        {
            Forget(item);
            _ids[(item.TrackingNumber.ToUpperInvariant(), newCarrierCode)] = id;
        }

        /// <summary>Every tracking listed under the numbers; each number and carrier with exactly one id is remembered.</summary>
        private async Task<IReadOnlyList<Tracking>> LookUpAsync(ITrackingMoreClient client, IReadOnlyList<string> numbers, CallContext call)
        {
            var found = new List<Tracking>();
            var query = new TrackingListQuery { Numbers = numbers, Limit = client.Capabilities.MaxPageSize };
            // One request unless the numbers hold more trackings than a page (the same number under many carriers).
            for (var page = 1; ; page++)
            {
                var items = (await client.ListTrackingsAsync(query.WithPage(page), call).ConfigureAwait(false)).Items;
                found.AddRange(items.Where(item => item.Id != null && item.TrackingNumber != null && item.CarrierCode != null));
                if (items.Count < query.Limit) break;
            }
            foreach (var group in found.GroupBy(item => (item.TrackingNumber!.ToUpperInvariant(), item.CarrierCode!)))
            {
                var ids = group.Select(item => item.Id!).Distinct().ToArray();
                if (ids.Length == 1) _ids[group.Key] = ids[0];
            }
            return found;
        }

        private static bool Matches(Tracking found, TrackingIdentity item) =>
            string.Equals(found.TrackingNumber, item.TrackingNumber, StringComparison.OrdinalIgnoreCase) && found.CarrierCode == item.CarrierCode;

        private static (string, string) Key(TrackingIdentity item) => (item.TrackingNumber.ToUpperInvariant(), item.CarrierCode);
    }
}
