using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace TrackingMore.Api
{
    /// <summary>What checking when a webhook was signed, and whether it was seen before, found.</summary>
    public enum WebhookFreshnessStatus
    {
        Fresh,

        /// <summary>verifyInfo.timeStr is not a unix time (seconds or milliseconds).</summary>
        NotATime,

        /// <summary>Signed longer ago than the age allowed, or further in the future than clocks drift.</summary>
        Stale,

        /// <summary>The same signed call was accepted before, within the age allowed.</summary>
        Replayed,

        /// <summary>The guard already remembers <see cref="WebhookFreshness.MaximumEntries"/> calls that are not stale: refused, not forgotten.</summary>
        GuardFull,
    }

    /// <summary>
    /// The v2 signature covers only timeStr, so a captured verifyInfo verifies any body. What can be checked is that
    /// the time is recent and that the same call is not accepted twice: this guard remembers each accepted call as a
    /// SHA-256 of the signature's decoded bytes (so re-casing its hex changes nothing) and the tracking it names,
    /// normalised (number trimmed and upper-cased, carrier trimmed and lower-cased, as the service matches them).
    /// <para>Bounds: at most <see cref="MaximumEntries"/> calls (about 72 bytes each, whatever the body held). A call
    /// is forgotten only when the guard is full and the call is older than the longest age any call asked for; calls
    /// signed before such a purge's cutoff are stale from then on, so mixing ages reopens nothing.</para>
    /// <para>In memory the guard is shared by every runspace of the process; with a store file it is shared by every
    /// process that names the file (locked while a call is checked), and survives restarts.</para>
    /// </summary>
    public static class WebhookFreshness
    {
        /// <summary>How far a sender's clock may run ahead of ours.</summary>
        public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(1);

        /// <summary>The longest age a call may be accepted at (-MaximumAge's upper bound).</summary>
        public static readonly TimeSpan LongestMaximumAge = TimeSpan.FromDays(1);

        /// <summary>How many accepted calls are remembered at most (about 7 MB in memory or in a store file).</summary>
        public const int MaximumEntries = 100_000;

        /// <summary>How long a call waits for another process to let go of the store file.</summary>
        private static readonly TimeSpan StoreWait = TimeSpan.FromSeconds(10);

        private static readonly ReplayMemory InProcess = new ReplayMemory();

        /// <summary>A unix time of 10 digits (seconds) or 13 (milliseconds), as the service writes it; else null.</summary>
        public static DateTimeOffset? SignedAt(string? timeStr)
        {
            if (timeStr == null || (timeStr.Length != 10 && timeStr.Length != 13)) return null;
            foreach (var c in timeStr)
                if (c < '0' || c > '9') return null;
            var value = long.Parse(timeStr, NumberStyles.None, CultureInfo.InvariantCulture);
            return timeStr.Length == 13 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
        }

        /// <summary>
        /// Accepts a correctly signed call once, if it is recent. <paramref name="signature"/> is the decoded MAC
        /// (<see cref="WebhookSignature.Decode"/>); <paramref name="storePath"/>, when given, is the file the guard
        /// is kept in instead of this process's memory.
        /// </summary>
        /// <exception cref="IOException">The store file could not be read or written, or is not a replay store.</exception>
        public static WebhookFreshnessStatus Accept(string timeStr, byte[] signature, string? trackingNumber, string? carrierCode,
            TimeSpan maximumAge, DateTimeOffset now, string? storePath = null)
        {
            if (maximumAge <= TimeSpan.Zero || maximumAge > LongestMaximumAge)
                throw new ArgumentOutOfRangeException(nameof(maximumAge), "The age must be longer than zero and at most " + LongestMaximumAge + ".");
            if (!(SignedAt(timeStr) is DateTimeOffset signedAt)) return WebhookFreshnessStatus.NotATime;
            if (now - signedAt > maximumAge || signedAt - now > AllowedClockSkew) return WebhookFreshnessStatus.Stale;
            var key = CallKey(signature, trackingNumber, carrierCode);
            if (storePath == null)
            {
                lock (InProcess) return InProcess.Accept(key, signedAt, maximumAge, now);
            }
            using var file = OpenStore(storePath);
            var memory = ReplayMemory.Read(file, storePath);
            var status = memory.Accept(key, signedAt, maximumAge, now);
            if (memory.Changed) memory.Write(file);
            return status;
        }

        /// <summary>SHA-256 of the MAC and the normalised identity, so the key's size does not depend on the body.</summary>
        private static byte[] CallKey(byte[] signature, string? trackingNumber, string? carrierCode)
        {
            var identity = Encoding.UTF8.GetBytes((trackingNumber ?? string.Empty).Trim().ToUpperInvariant() + "\n" +
                                                  (carrierCode ?? string.Empty).Trim().ToLowerInvariant());
            var input = new byte[signature.Length + identity.Length];
            signature.CopyTo(input, 0);
            identity.CopyTo(input, signature.Length);
            using var sha = SHA256.Create();
            return sha.ComputeHash(input);
        }

        /// <summary>Opens the store for this process alone, waiting (bounded) while another process checks a call.</summary>
        private static FileStream OpenStore(string path)
        {
            var giveUpAt = DateTime.UtcNow + StoreWait;
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (File.Exists(path) && DateTime.UtcNow < giveUpAt)
                {
                    Thread.Sleep(20);
                }
            }
        }

        /// <summary>The accepted calls by key, with the instant each was signed, and the guard's retention.</summary>
        private sealed class ReplayMemory
        {
            private const int Magic = 0x31574D54; // "TMW1"
            private const int KeyLength = 32;
            private readonly Dictionary<CallId, long> _signedAt = new Dictionary<CallId, long>();
            private long _retentionTicks;
            private long _forgottenBeforeTicks = long.MinValue;

            public bool Changed { get; private set; }

            public WebhookFreshnessStatus Accept(byte[] key, DateTimeOffset signedAt, TimeSpan maximumAge, DateTimeOffset now)
            {
                if (maximumAge.Ticks > _retentionTicks)
                {
                    _retentionTicks = maximumAge.Ticks;
                    Changed = true;
                }
                // A call signed before the last purge's cutoff may have been forgotten: a longer age does not let it in.
                if (signedAt.UtcTicks < _forgottenBeforeTicks) return WebhookFreshnessStatus.Stale;
                var id = new CallId(key);
                if (_signedAt.ContainsKey(id)) return WebhookFreshnessStatus.Replayed;
                if (_signedAt.Count >= MaximumEntries) Purge(now);
                if (_signedAt.Count >= MaximumEntries) return WebhookFreshnessStatus.GuardFull;
                _signedAt[id] = signedAt.UtcTicks;
                Changed = true;
                return WebhookFreshnessStatus.Fresh;
            }

            /// <summary>
            /// Forgets the calls too old to be accepted by any age asked so far, and remembers the cutoff: from then on a
            /// call signed before it is stale, whatever age a later call asks for.
            /// </summary>
            private void Purge(DateTimeOffset now)
            {
                var cutoff = now.UtcTicks - _retentionTicks - AllowedClockSkew.Ticks;
                var expired = new List<CallId>();
                foreach (var entry in _signedAt)
                    if (entry.Value < cutoff) expired.Add(entry.Key);
                foreach (var id in expired) _signedAt.Remove(id);
                _forgottenBeforeTicks = Math.Max(_forgottenBeforeTicks, cutoff);
            }

            public static ReplayMemory Read(FileStream file, string path)
            {
                var memory = new ReplayMemory();
                if (file.Length == 0) return memory;
                try
                {
                    var reader = new BinaryReader(file, Encoding.UTF8, leaveOpen: true);
                    var count = reader.ReadInt32() == Magic ? reader.ReadInt32() : -1;
                    if (count < 0 || count > MaximumEntries || file.Length != 4 + 4 + 8 + 8 + (long)count * (KeyLength + 8))
                        throw new InvalidDataException();
                    memory._retentionTicks = reader.ReadInt64();
                    memory._forgottenBeforeTicks = reader.ReadInt64();
                    for (var i = 0; i < count; i++) memory._signedAt[new CallId(reader.ReadBytes(KeyLength))] = reader.ReadInt64();
                    return memory;
                }
                catch (Exception failure) when (failure is InvalidDataException || failure is EndOfStreamException)
                {
                    throw new IOException("'" + path + "' is not a webhook replay store written by this module. Give a new file, or remove this one.", failure);
                }
            }

            public void Write(FileStream file)
            {
                file.SetLength(0);
                var writer = new BinaryWriter(file, Encoding.UTF8, leaveOpen: true);
                writer.Write(Magic);
                writer.Write(_signedAt.Count);
                writer.Write(_retentionTicks);
                writer.Write(_forgottenBeforeTicks);
                foreach (var entry in _signedAt)
                {
                    entry.Key.WriteTo(writer);
                    writer.Write(entry.Value);
                }
                writer.Flush();
            }
        }

        /// <summary>A call's 32-byte key as four words: 32 bytes an entry, not an array and its header.</summary>
        private readonly struct CallId : IEquatable<CallId>
        {
            private readonly ulong _a, _b, _c, _d;

            public CallId(byte[] key)
            {
                _a = BitConverter.ToUInt64(key, 0);
                _b = BitConverter.ToUInt64(key, 8);
                _c = BitConverter.ToUInt64(key, 16);
                _d = BitConverter.ToUInt64(key, 24);
            }

            public void WriteTo(BinaryWriter writer)
            {
                writer.Write(_a);
                writer.Write(_b);
                writer.Write(_c);
                writer.Write(_d);
            }

            public bool Equals(CallId other) => _a == other._a && _b == other._b && _c == other._c && _d == other._d;

            public override bool Equals(object? obj) => obj is CallId other && Equals(other);

            // The key is a SHA-256: any of its words is already uniform.
            public override int GetHashCode() => (int)_a;
        }
    }
}
