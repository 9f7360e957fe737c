using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace TrackingMore.Api
{
    /// <summary>What checking a webhook's signature found.</summary>
    public enum WebhookSignatureStatus
    {
        Valid,

        /// <summary>The body has no verifyInfo.timeStr or verifyInfo.signature.</summary>
        Missing,

        /// <summary>The signature is not the HMAC of timeStr under the e-mail given: forged, altered or another account's.</summary>
        Invalid,
    }

    /// <summary>
    /// The v2 webhook signature: verifyInfo.signature is the lower-case hex HMAC-SHA256 of verifyInfo.timeStr keyed
    /// with the account's login e-mail (UTF-8). The e-mail stays in its SecureString until the key is built, and the
    /// key's bytes are cleared once the HMAC is computed.
    /// </summary>
    public static class WebhookSignature
    {
        private const int HmacSha256Length = 32;

        public static WebhookSignatureStatus Check(string? timeStr, string? signature, SecureString accountEmail)
        {
            if (string.IsNullOrEmpty(timeStr) || string.IsNullOrEmpty(signature)) return WebhookSignatureStatus.Missing;
            var given = Decode(signature);
            if (given == null) return WebhookSignatureStatus.Invalid;
            var key = Utf8Bytes(accountEmail);
            try
            {
                using var hmac = new HMACSHA256(key);
                var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(timeStr));
                return FixedTimeEquals(expected, given) ? WebhookSignatureStatus.Valid : WebhookSignatureStatus.Invalid;
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        /// <summary>
        /// Compares without stopping at the first difference, so the time taken does not tell a forger how many
        /// leading bytes were right (netstandard2.0 has no CryptographicOperations.FixedTimeEquals).
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.NoOptimization)]
        internal static bool FixedTimeEquals(byte[] left, byte[] right)
        {
            if (left.Length != right.Length) return false;
            var difference = 0;
            for (var i = 0; i < left.Length; i++) difference |= left[i] ^ right[i];
            return difference == 0;
        }

        /// <summary>
        /// The signature's bytes, or null when it is not 64 hex digits (either case is accepted): what the replay
        /// guard remembers, so "AB.." and "ab.." are one signature there as they are here.
        /// </summary>
        public static byte[]? Decode(string? hex)
        {
            if (hex == null || hex.Length != HmacSha256Length * 2) return null;
            var bytes = new byte[HmacSha256Length];
            for (var i = 0; i < bytes.Length; i++)
            {
                var high = HexValue(hex[2 * i]);
                var low = HexValue(hex[2 * i + 1]);
                if (high < 0 || low < 0) return null;
                bytes[i] = (byte)(high << 4 | low);
            }
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        /// <summary>The SecureString's text as UTF-8, without ever making it a string; the caller clears the result.</summary>
        private static byte[] Utf8Bytes(SecureString secret)
        {
            var chars = new char[secret.Length];
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                Marshal.Copy(pointer, chars, 0, chars.Length);
                return Encoding.UTF8.GetBytes(chars);
            }
            finally
            {
                Array.Clear(chars, 0, chars.Length);
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
