using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Threading.Tasks;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>One request to the API as the transport sends it. Path and query are already escaped.</summary>
    internal sealed class ApiRequest
    {
        public ApiRequest(HttpMethod method, string endpoint, string path, EndpointClass endpointClass = EndpointClass.Other)
        {
            Method = method;
            Endpoint = endpoint;
            Path = path;
            EndpointClass = endpointClass;
        }

        public HttpMethod Method { get; }

        /// <summary>Method and path template for messages, e.g. <c>GET /trackings/{carrier}/{number}</c>.</summary>
        public string Endpoint { get; }

        public string Path { get; }
        public string Query { get; set; } = string.Empty;
        public byte[]? Body { get; set; }
        public EndpointClass EndpointClass { get; }
    }

    /// <summary>A successful envelope; <see cref="Data"/> lives as long as this object.</summary>
    internal sealed class ApiResponse : IDisposable
    {
        private readonly JsonDocument _document;
        private readonly ResponseBody _body;

        public ApiResponse(JsonDocument document, ResponseBody body, int metaCode)
        {
            _document = document;
            _body = body;
            MetaCode = metaCode;
            Data = LooseJson.Property(document.RootElement, "data");
        }

        public int MetaCode { get; }
        public JsonElement Data { get; }

        public void Dispose()
        {
            _document.Dispose();
            _body.Dispose();
        }
    }

    /// <summary>
    /// Sends requests: rate gate, key header, timeout, envelope check, and bounded retries of the failures that a
    /// retry can cure (429, 502, 503, 504, dropped connections). Every wait observes the caller's cancellation.
    /// </summary>
    internal sealed class ApiTransport
    {
        private const string ApiKeyHeader = "Trackingmore-Api-Key";
        private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(120);

        // One HttpClient for the process: connections are pooled across cmdlets and runspaces.
        private static readonly HttpClient Http = CreateHttpClient();

        private readonly ConnectionSettings _settings;
        private readonly HttpMessageInvoker _http;
        private readonly Random _jitter = new Random();

        /// <param name="http">Tests pass a handler that answers from fixtures; everyone else shares the process's client.</param>
        public ApiTransport(ConnectionSettings settings, HttpMessageInvoker? http = null)
        {
            _settings = settings;
            _http = http ?? Http;
        }

        public ConnectionSettings Settings => _settings;

        public async Task<ApiResponse> SendAsync(ApiRequest request, CallContext call)
        {
            var gate = RateGate.For(_settings.AccountId, request.EndpointClass, _settings.RateLimitOf(request.EndpointClass));
            for (var attempt = 1; ; attempt++)
            {
                var slot = await gate.WaitAsync(call.CancellationToken).ConfigureAwait(false);
                TrackingMoreApiException retryable;
                try
                {
                    return await SendOnceAsync(request, call).ConfigureAwait(false);
                }
                catch (TrackingMoreApiException failure) when (IsRetryable(failure) && attempt <= _settings.MaximumRetryCount)
                {
                    retryable = failure;
                }
                finally
                {
                    gate.Settle(slot);
                }
                var delay = RetryDelay(retryable, attempt);
                call.Verbose(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "{0} Retry {1} of {2} in {3:0.0} s.",
                    retryable.Message, attempt, _settings.MaximumRetryCount, delay.TotalSeconds));
                await Task.Delay(delay, call.CancellationToken).ConfigureAwait(false);
                call.MarkResent();
            }
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, CallContext call)
        {
            using var timeout = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
            timeout.CancelAfter(_settings.Timeout);
            using var message = new HttpRequestMessage(request.Method, new Uri(_settings.BaseUri, request.Path + request.Query));
            message.Headers.TryAddWithoutValidation(ApiKeyHeader, _settings.RevealKeyForHeader());
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            call.Verbose(request.Method + " /" + request.Path + request.Query +
                         (request.Body != null ? " (" + request.Body.Length + "-byte body)" : string.Empty));
            try
            {
                using var response = await SendAsync(message, timeout.Token).ConfigureAwait(false);
                var body = await ResponseBody.ReadAsync(response.Content, timeout.Token).ConfigureAwait(false);
                try
                {
                    return Interpret(request, response, body);
                }
                catch
                {
                    body.Dispose();
                    throw;
                }
            }
            catch (OperationCanceledException) when (!call.CancellationToken.IsCancellationRequested)
            {
                throw new TrackingMoreApiException(ApiFailureKind.Timeout,
                    request.Endpoint + " did not answer within " + _settings.Timeout.TotalSeconds + " s (Connect-TrackingMore -TimeoutSec).",
                    request.Endpoint);
            }
            catch (Exception failure) when (failure is HttpRequestException || failure is IOException)
            {
                throw new TrackingMoreApiException(ApiFailureKind.Network,
                    request.Endpoint + " failed on the network: " + Innermost(failure).Message,
                    request.Endpoint, innerException: failure);
            }
        }

        /// <summary>Headers first, so a dropped body or a timeout while reading it is seen as such.</summary>
        private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, System.Threading.CancellationToken cancellationToken) =>
            _http is HttpClient client
                ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                : _http.SendAsync(message, cancellationToken);

        private static ApiResponse Interpret(ApiRequest request, HttpResponseMessage response, ResponseBody body)
        {
            var status = response.StatusCode;
            var retryAfter = ReadRetryAfter(response);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(body.ValidUtf8());
            }
            catch (JsonException)
            {
                throw Unreadable(request, status, body, retryAfter, "is not JSON");
            }

            var meta = LooseJson.Property(document.RootElement, "meta");
            var code = LooseJson.AsInt32(LooseJson.Property(meta, "code"));
            if (code is null)
            {
                document.Dispose();
                throw Unreadable(request, status, body, retryAfter, "has no meta.code");
            }
            if (code is 200 or 201 or 202 && (int)status < 300)
                return new ApiResponse(document, body, code.Value);

            var type = LooseJson.AsString(LooseJson.Property(meta, "type"));
            var apiMessage = LooseJson.AsString(LooseJson.Property(meta, "message"));
            document.Dispose();
            // An envelope that says success inside an HTTP error status is an HTTP error.
            var effectiveCode = code is 200 or 201 or 202 ? (int)status : code.Value;
            throw new TrackingMoreApiException(ApiFailureKind.ApiError,
                "TrackingMore API error " + effectiveCode + (string.IsNullOrEmpty(apiMessage) ? string.Empty : ": " + apiMessage) +
                " (" + request.Endpoint + ")",
                request.Endpoint, effectiveCode, type, apiMessage, status, retryAfter: retryAfter);
        }

        private static TrackingMoreApiException Unreadable(ApiRequest request, HttpStatusCode status, ResponseBody body, TimeSpan? retryAfter, string problem)
        {
            var preview = body.Preview();
            var kind = (int)status >= 400 ? ApiFailureKind.HttpError : ApiFailureKind.InvalidResponse;
            var text = kind == ApiFailureKind.HttpError
                ? request.Endpoint + " answered HTTP " + (int)status + " " + status + "; the body " + problem + ": " + preview
                : request.Endpoint + " answered HTTP " + (int)status + " with a body that " + problem + ": " + preview;
            return new TrackingMoreApiException(kind, text, request.Endpoint, httpStatus: status, bodyPreview: preview, retryAfter: retryAfter);
        }

        private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        internal static bool IsRetryable(TrackingMoreApiException failure)
        {
            if (failure.Kind == ApiFailureKind.Network || failure.IsRateLimited) return true;
            var status = failure.Kind == ApiFailureKind.ApiError && failure.MetaCode < 1000 ? failure.MetaCode : (int?)failure.HttpStatus;
            return status is 502 or 503 or 504;
        }

        private TimeSpan RetryDelay(TrackingMoreApiException failure, int attempt)
        {
            if (failure.RetryAfter is TimeSpan serverSays)
                return serverSays < LongestRetryAfter ? serverSays : LongestRetryAfter;
            var exponential = TimeSpan.FromTicks(Math.Min(LongestBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt - 1, 16)));
            double factor;
            lock (_jitter) factor = 0.8 + _jitter.NextDouble() * 0.4;
            return TimeSpan.FromTicks((long)(exponential.Ticks * factor));
        }

        private static Exception Innermost(Exception failure)
        {
            while (failure.InnerException != null) failure = failure.InnerException;
            return failure;
        }

        private static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
            var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var version = typeof(ApiTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            client.DefaultRequestHeaders.UserAgent.ParseAdd("TrackingMore-PowerShell/" + version.Split('+')[0]);
            return client;
        }
    }
}
