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

        public static TrackingMoreConnection Create(SecureString apiKey, Uri? baseUri, bool allowInsecureHttp,
            int maximumRetryCount, int timeoutSec, string source, IReadOnlyDictionary<EndpointClass, double>? rateLimits = null,
            int maximumResponseSizeMB = ConnectionSettings.DefaultMaximumResponseMegabytes, ApiVersion apiVersion = ApiVersion.V2)
        {
            var settings = new ConnectionSettings(ValidateBaseUri(baseUri ?? BaseUriFromEnvironment() ?? ConnectionSettings.PublicBaseUriOf(apiVersion), allowInsecureHttp, apiVersion),
                apiKey, maximumRetryCount, TimeSpan.FromSeconds(timeoutSec), rateLimits, maximumResponseSizeMB, apiVersion);
            return RunspaceState.Open(settings, source);
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
