using System;
using System.Collections.Generic;

namespace TrackingMore.Api
{
    /// <summary>
    /// The tracking ids a listing has met, held compactly: the service's ids are 32 lower-case hex digits, kept here
    /// as their 16 bytes in an open-addressing table of its own (16 bytes a slot, at most 80% full, so about 20 to 40
    /// bytes an id, 6 MB at most for 200k; a <see cref="HashSet{T}"/> of them took 28 to 56, and 84 while it grew: 15 MB, most
    /// of what an -All over 200k trackings then needed beyond one over 20k). Any other id is kept as its text.
    /// Exact: two ids are the same entry only when their texts are equal (ordinal).
    /// </summary>
    internal sealed class TrackingIdSet
    {
        private const int FirstCapacity = 1024;
        private HexId[] _slots = new HexId[FirstCapacity];
        private int _hexCount;
        // The all-zero id is the empty slot's value, so it is remembered apart.
        private bool _hasZero;
        private HashSet<string>? _other;

        public int Count => _hexCount + (_hasZero ? 1 : 0) + (_other?.Count ?? 0);

        /// <summary>Adds the id; false when it was there already.</summary>
        public bool Add(string id)
        {
            if (!HexId.TryParse(id, out var hex)) return (_other ??= new HashSet<string>(StringComparer.Ordinal)).Add(id);
            if (hex.IsZero)
            {
                if (_hasZero) return false;
                return _hasZero = true;
            }
            if (!Insert(_slots, hex)) return false;
            // Grown before it is 80% full: linear probing stays a few slots long.
            if (++_hexCount > _slots.Length / 5 * 4) Grow();
            return true;
        }

        private void Grow()
        {
            var larger = new HexId[checked(_slots.Length * 2)];
            foreach (var hex in _slots)
                if (!hex.IsZero) Insert(larger, hex);
            _slots = larger;
        }

        /// <summary>Puts the id in the first free slot from its hash on; false when it is there already.</summary>
        private static bool Insert(HexId[] slots, HexId hex)
        {
            var mask = slots.Length - 1;
            for (var i = hex.GetHashCode() & mask; ; i = (i + 1) & mask)
            {
                if (slots[i].IsZero)
                {
                    slots[i] = hex;
                    return true;
                }
                if (slots[i].Equals(hex)) return false;
            }
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

            public bool IsZero => (_high | _low) == 0;

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
