using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace TrackingMore.Api
{
    /// <summary>
    /// Where and as whom to call the API. The key stays in a read-only SecureString; it is turned into text only
    /// to build a request header (<see cref="RevealKeyForHeader"/>), and its identity for rate gates is a hash.
    /// </summary>
    public sealed class ConnectionSettings
    {
        /// <summary>
        /// Whether a URI names this machine (localhost, 127.0.0.0/8, ::1): plain http is allowed to it, and it never
        /// goes through a proxy (the transport bypasses the system's for it).
        /// </summary>
        public static bool IsLoopback(Uri uri) =>
            uri.IsLoopback || (System.Net.IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

        /// <summary>The public service's root for a version (its host and the version's path).</summary>
        public static Uri PublicBaseUriOf(ApiVersion version) => Dialects.ApiDialect.For(version).PublicBaseUri;

        /// <summary>The largest answer read by default, after decompression: far above a 2000-item page (a few MB).</summary>
        public const int DefaultMaximumResponseMegabytes = 64;

        public ConnectionSettings(Uri baseUri, SecureString apiKey, int maximumRetryCount, TimeSpan timeout,
            IReadOnlyDictionary<EndpointClass, double>? rateLimits = null, int maximumResponseMegabytes = DefaultMaximumResponseMegabytes,
            ApiVersion apiVersion = ApiVersion.V2)
        {
            Capabilities = ApiCapabilities.Of(apiVersion);
            if (maximumResponseMegabytes < 1 || maximumResponseMegabytes > MaximumResponseMegabytesLimit)
                throw new ArgumentOutOfRangeException(nameof(maximumResponseMegabytes), maximumResponseMegabytes, "Between 1 and " + MaximumResponseMegabytesLimit + " MB.");
            if (baseUri is null) throw new ArgumentNullException(nameof(baseUri));
            if (apiKey is null) throw new ArgumentNullException(nameof(apiKey));
            BaseUri = WithTrailingSlash(baseUri);
            ApiKey = apiKey.Copy();
            ApiKey.MakeReadOnly();
            MaximumRetryCount = maximumRetryCount;
            Timeout = timeout;
            ApiVersion = apiVersion;
            RateLimits = rateLimits ?? Capabilities.RateLimits;
            MaximumResponseBytes = maximumResponseMegabytes * 1024L * 1024L;
            AccountId = ComputeAccountId(BaseUri, ApiKey);
            MaskedKey = Mask(ApiKey);
        }

        public Uri BaseUri { get; }

        /// <summary>The API version the connection speaks; its dialect and <see cref="Capabilities"/> follow from it.</summary>
        public ApiVersion ApiVersion { get; }

        /// <summary>What the version offers and allows.</summary>
        public ApiCapabilities Capabilities { get; }
        /// <summary>The key, read-only; only this assembly reads it (for the header and the masked form).</summary>
        internal SecureString ApiKey { get; }
        public int MaximumRetryCount { get; }
        public TimeSpan Timeout { get; }

        /// <summary>The most bytes one answer may have once decompressed; a larger one fails with TrackingMore.ResponseTooLarge.</summary>
        public long MaximumResponseBytes { get; }

        /// <summary>A buffer of one answer must stay below 2 GB (the largest .NET byte array).</summary>
        public const int MaximumResponseMegabytesLimit = 2047;

        /// <summary>Requests per second for each endpoint class (by default the version's published rates); 0 means no gate (e.g. an emulator with its limit off).</summary>
        public IReadOnlyDictionary<EndpointClass, double> RateLimits { get; }

        public double RateLimitOf(EndpointClass endpointClass) =>
            RateLimits.TryGetValue(endpointClass, out var limit) ? limit : Capabilities.RateLimits[endpointClass];

        /// <summary>Identifies the account (base URI plus a hash of the key) without revealing the key.</summary>
        public string AccountId { get; }

        /// <summary>The key as it may be shown: its length hidden, at most its last four characters.</summary>
        public string MaskedKey { get; }

        internal string RevealKeyForHeader() => Reveal(ApiKey);

        /// <summary>
        /// Makes a text that may carry a server's or a proxy's bytes safe to show: the key, and the value of any key
        /// header echoed in it (under any version's header name), become the masked key; control characters (terminal escape
        /// sequences) become spaces. Every message, preview and Verbose line built from an answer passes here.
        /// </summary>
        internal string Redact(string? text) => SecretText.Redact(text, Reveal(ApiKey), MaskedKey);

        public override string ToString() => BaseUri + " (API " + ApiVersion + ", key " + MaskedKey + ")";

        private static Uri WithTrailingSlash(Uri uri) =>
            uri.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? uri : new Uri(uri.AbsoluteUri + "/");

        private static string ComputeAccountId(Uri baseUri, SecureString key)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(Reveal(key)));
            return baseUri.AbsoluteUri + "#" + BitConverter.ToString(hash, 0, 8).Replace("-", "");
        }

        private static string Mask(SecureString key)
        {
            // Long keys show their last four characters so a user can tell two connections apart;
            // short ones (test keys) show nothing, since four characters would be most of the secret.
            if (key.Length < 16) return "****";
            var text = Reveal(key);
            return "****" + text.Substring(text.Length - 4);
        }

        private static string Reveal(SecureString secure)
        {
            var pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            try { return Marshal.PtrToStringUni(pointer) ?? string.Empty; }
            finally { Marshal.ZeroFreeGlobalAllocUnicode(pointer); }
        }
    }
}
