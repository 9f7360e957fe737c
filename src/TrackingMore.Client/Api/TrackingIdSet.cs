using System;
using System.Collections.Generic;

namespace TrackingMore.Api
{
    /// <summary>
    /// The tracking ids a listing has met, held compactly: the service's ids are 32 lower-case hex digits, kept here
    /// as their 16 bytes (about 28 bytes an entry with the set's own, against about 110 for the string), so a walk
    /// over 200k trackings remembers every id in a few MB. Any other id is kept as its text. Exact: two ids are the
    /// same entry only when their texts are equal (ordinal).
    /// </summary>
    internal sealed class TrackingIdSet
    {
        private readonly HashSet<HexId> _hex = new HashSet<HexId>();
        private HashSet<string>? _other;

        public int Count => _hex.Count + (_other?.Count ?? 0);

        /// <summary>Adds the id; false when it was there already.</summary>
        public bool Add(string id)
        {
            if (HexId.TryParse(id, out var hex)) return _hex.Add(hex);
            return (_other ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
        }

        private static readonly ulong Seed = (ulong)Guid.NewGuid().GetHashCode() << 32 | (uint)Guid.NewGuid().GetHashCode();

        private readonly struct HexId : IEquatable<HexId>
        {
            private readonly ulong _high;
            private readonly ulong _low;

            private HexId(ulong high, ulong low)
            {
                _high = high;
                _low = low;
            }

            /// <summary>Only lower-case digits, so that "AB..." and "ab..." stay two ids, as their texts are.</summary>
            public static bool TryParse(string text, out HexId id)
            {
                id = default;
                if (text.Length != 32) return false;
                ulong high = 0, low = 0;
                for (var i = 0; i < 32; i++)
                {
                    var c = text[i];
                    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                    if (digit < 0) return false;
                    if (i < 16) high = high << 4 | (uint)digit;
                    else low = low << 4 | (uint)digit;
                }
                id = new HexId(high, low);
                return true;
            }

            public bool Equals(HexId other) => _high == other._high && _low == other._low;

            public override bool Equals(object? obj) => obj is HexId other && Equals(other);

            /// <summary>Mixed with a per-process seed: the ids are the server's, and must not be able to pick their buckets.</summary>
            public override int GetHashCode()
            {
                var h = (_high ^ Seed) * 0x9E3779B97F4A7C15UL;
                h ^= h >> 29;
                h = (h + _low) * 0xBF58476D1CE4E5B9UL;
                return (int)(h ^ h >> 32);
            }
        }
    }
}
