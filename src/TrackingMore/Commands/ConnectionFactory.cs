using System;
using System.Collections.Generic;
using System.Net;
using System.Security;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Commands
{
    /// <summary>Builds connections from parameters or the environment, and checks a base URI before it is used.</summary>
    internal static class ConnectionFactory
    {
        public const string ApiKeyVariable = "TRACKINGMORE_API_KEY";
        public const string BaseUriVariable = "TRACKINGMORE_BASE_URI";
        public const int DefaultMaximumRetryCount = 3;
        public const int DefaultTimeoutSec = 100;

        /// <param name="apiVersion">The version asked for; null: the one the base URI's path names (.../v4), else V2.</param>
        /// <param name="rateLimits">The rates asked for; a class left out gets the version's published rate.</param>
        public static TrackingMoreConnection Create(SecureString apiKey, Uri? baseUri, bool allowInsecureHttp,
            int maximumRetryCount, int timeoutSec, string source, IReadOnlyDictionary<EndpointClass, double>? rateLimits = null,
            int maximumResponseSizeMB = ConnectionSettings.DefaultMaximumResponseMegabytes, ApiVersion? apiVersion = null)
        {
            var given = baseUri ?? BaseUriFromEnvironment();
            var version = VersionFor(given, apiVersion);
            var settings = new ConnectionSettings(ValidateBaseUri(given ?? ConnectionSettings.PublicBaseUriOf(version), allowInsecureHttp, version),
                apiKey, maximumRetryCount, TimeSpan.FromSeconds(timeoutSec), WithVersionDefaults(rateLimits, version), maximumResponseSizeMB, version);
            return RunspaceState.Open(settings, source);
        }

        /// <summary>
        /// The version a base URI's last path segment names ("v2", "v4", any case, a trailing slash allowed), or null
        /// when it names none (an emulator at a bare port, a proxy's own path).
        /// </summary>
        public static ApiVersion? VersionOfPath(Uri? baseUri)
        {
            if (baseUri is null || !baseUri.IsAbsoluteUri) return null;
            var path = baseUri.AbsolutePath.TrimEnd('/');
            var last = path.Substring(path.LastIndexOf('/') + 1);
            foreach (ApiVersion version in Enum.GetValues(typeof(ApiVersion)))
            {
                if (string.Equals(last, version.ToString(), StringComparison.OrdinalIgnoreCase)) return version;
            }
            return null;
        }

        /// <summary>
        /// -ApiVersion, or the version the base URI names, or V2. A base URI that names another version than
        /// -ApiVersion is refused (ArgumentException for "ApiVersion"): the requests would go to one version's
        /// paths spoken in the other's dialect.
        /// </summary>
        private static ApiVersion VersionFor(Uri? baseUri, ApiVersion? asked)
        {
            var named = VersionOfPath(baseUri);
            if (asked is ApiVersion version && named is ApiVersion implied && implied != version)
                throw new ArgumentException("-ApiVersion " + version + " contradicts -BaseUri " + baseUri!.OriginalString + ", whose path names API version " +
                                            implied + ". Give -ApiVersion " + implied + ", or a -BaseUri for " + version + " (such as " +
                                            ConnectionSettings.PublicBaseUriOf(version).AbsoluteUri.TrimEnd('/') + "), or leave -ApiVersion out.", "ApiVersion");
            return asked ?? named ?? ApiVersion.V2;
        }

        private static IReadOnlyDictionary<EndpointClass, double>? WithVersionDefaults(IReadOnlyDictionary<EndpointClass, double>? asked, ApiVersion version)
        {
            if (asked is null) return null;
            var capabilities = ApiCapabilities.Of(version);
            var rates = new Dictionary<EndpointClass, double>();
            foreach (var rateClass in capabilities.RateClasses)
                rates[rateClass] = asked.TryGetValue(rateClass, out var rate) ? rate : capabilities.RateLimitOf(rateClass);
            return rates;
        }

        /// <summary>A connection from $env:TRACKINGMORE_API_KEY (and $env:TRACKINGMORE_BASE_URI), or null when the key is not set.</summary>
        public static TrackingMoreConnection? FromEnvironment()
        {
            var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
            if (string.IsNullOrEmpty(key)) return null;
            using var secure = ToSecureString(key!);
            return Create(secure, null, allowInsecureHttp: false, DefaultMaximumRetryCount, DefaultTimeoutSec, "Environment");
        }

        public static SecureString? ApiKeyFromEnvironment()
        {
            var key = Environment.GetEnvironmentVariable(ApiKeyVariable);
            return string.IsNullOrEmpty(key) ? null : ToSecureString(key!);
        }

        /// <summary>
        /// The API key travels in a header, so plain http is allowed only to this machine (the emulator) unless the
        /// user says otherwise; a query or fragment would be sent with every request and is refused.
        /// </summary>
        /// <param name="apiVersion">The version whose public root the messages give as an example.</param>
        public static Uri ValidateBaseUri(Uri uri, bool allowInsecureHttp, ApiVersion apiVersion = ApiVersion.V2)
        {
            var example = ConnectionSettings.PublicBaseUriOf(apiVersion).AbsoluteUri.TrimEnd('/');
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                throw new ArgumentException("-BaseUri must be an absolute http(s) URI such as " + example + "; got '" + uri.OriginalString + "'.", "BaseUri");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
                throw new ArgumentException("-BaseUri must not have a query or fragment ('" + uri.OriginalString + "'): give the API root only, e.g. " + example + ".", "BaseUri");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw new ArgumentException("-BaseUri must not carry user information; the API key goes in -ApiKey.", "BaseUri");
            if (uri.Scheme == Uri.UriSchemeHttp && !allowInsecureHttp && !ConnectionSettings.IsLoopback(uri))
                throw new ArgumentException("-BaseUri uses plain http to '" + uri.Host + "', which would send the API key unencrypted. Use https, or add -AllowInsecureHttp if you really mean it.", "BaseUri");
            return uri;
        }

        private static Uri? BaseUriFromEnvironment()
        {
            var text = Environment.GetEnvironmentVariable(BaseUriVariable);
            if (string.IsNullOrWhiteSpace(text)) return null;
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
                throw new ArgumentException("$env:" + BaseUriVariable + " is not an absolute URI: '" + text + "'.", "BaseUri");
            return uri;
        }

        private static SecureString ToSecureString(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
