using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Reflection;
using System.Security.Authentication;
using System.Text.Json;
using System.Threading.Tasks;
using TrackingMore.Dialects;
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

        /// <summary>A limit below the connection's for an answer that can never be large (the carrier list), or null.</summary>
        public long? MaximumResponseBytes { get; set; }
    }

    /// <summary>
    /// A successful envelope; <see cref="Data"/> and <see cref="DataBytes"/> live as long as this object. The data is
    /// kept as bytes and parsed only when a reader asks for <see cref="Data"/>: the list's reader takes each item from
    /// the bytes on its own instead (<see cref="JsonSlices"/>).
    /// </summary>
    internal sealed class ApiResponse : IDisposable
    {
        private readonly ResponseBody _body;
        private JsonDocument? _data;

        public ApiResponse(ResponseBody body, ReadOnlyMemory<byte>? dataBytes, DateTimeOffset? serverTime)
        {
            _body = body;
            DataBytes = dataBytes;
            ServerTime = serverTime;
        }

        /// <summary>The envelope's data member, or null when it has none.</summary>
        public ReadOnlyMemory<byte>? DataBytes { get; }

        /// <summary>The data member as an element; undefined when the envelope has none.</summary>
        public JsonElement Data => DataBytes is { } bytes ? (_data ??= JsonDocument.Parse(bytes)).RootElement : default;

        /// <summary>When the service says it answered (its Date header, to the second); null when it sent none.</summary>
        public DateTimeOffset? ServerTime { get; }

        public void Dispose()
        {
            _data?.Dispose();
            _body.Dispose();
        }
    }

    /// <summary>
    /// Sends requests: rate gate, key header and envelope check (the dialect's), timeout, size limit, and bounded retries of the
    /// failures that a retry can cure (429, 502, 503, 504, dropped connections). Every wait observes the caller's
    /// cancellation. Redirects are never followed, and every failure leaves through one place that redacts it.
    /// </summary>
    internal sealed class ApiTransport
    {
        private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(120);

        // One HttpClient for the process: connections are pooled across cmdlets and runspaces.
        private static readonly HttpClient Http = CreateHttpClient();

        private readonly ConnectionSettings _settings;
        private readonly ApiDialect _dialect;
        private readonly HttpMessageInvoker _http;
        private readonly ApiClock _clock;
        private readonly Random _jitter = new Random();

        /// <param name="http">Tests pass a handler that answers from fixtures; everyone else shares the process's client.</param>
        public ApiTransport(ConnectionSettings settings, ApiDialect dialect, HttpMessageInvoker? http = null, ApiClock? clock = null)
        {
            _settings = settings;
            _dialect = dialect;
            _clock = clock ?? ApiClock.System;
            _http = http ?? Http;
        }

        public ConnectionSettings Settings => _settings;

        /// <summary>
        /// Sends the request (retrying what a retry can cure) and reads its data with <paramref name="read"/> while
        /// the answer's buffer is alive. Whatever fails comes out as a redacted <see cref="TrackingMoreApiException"/>.
        /// </summary>
        public Task<T> SendAsync<T>(ApiRequest request, CallContext call, Func<JsonElement, T> read) =>
            SendAsync(request, call, response => read(response.Data));

        /// <summary>As the other overloads; <paramref name="read"/> gets the answer itself (its data's bytes, the service's time).</summary>
        public async Task<T> SendAsync<T>(ApiRequest request, CallContext call, Func<ApiResponse, T> read)
        {
            try
            {
                using var response = await SendWithRetriesAsync(request, call).ConfigureAwait(false);
                try
                {
                    return read(response);
                }
                catch (Exception failure) when (failure is InvalidOperationException || failure is FormatException || failure is OverflowException)
                {
                    throw new TrackingMoreApiException(FailureReason.InvalidResponse,
                        request.Endpoint + " answered with data this module could not read: " + failure.Message, request.Endpoint,
                        innerException: failure);
                }
            }
            catch (TrackingMoreApiException failure)
            {
                throw failure.Redacted(_settings.Redact);
            }
        }

        private async Task<ApiResponse> SendWithRetriesAsync(ApiRequest request, CallContext call)
        {
            var gate = RateGate.For(_settings.AccountId, request.EndpointClass, _settings.RateLimitOf(request.EndpointClass), _clock);
            for (var attempt = 1; ; attempt++)
            {
                var slot = await gate.WaitAsync(call.CancellationToken).ConfigureAwait(false);
                TrackingMoreApiException retryable;
                try
                {
                    var response = await SendOnceAsync(request, call).ConfigureAwait(false);
                    call.Attempts?.Add(AttemptOutcome.Answered);
                    return response;
                }
                catch (TrackingMoreApiException failure) when (Recorded(failure, call) && IsRetryable(failure) && attempt <= _settings.MaximumRetryCount)
                {
                    retryable = failure;
                }
                finally
                {
                    gate.Settle(slot);
                }
                var delay = RetryDelay(retryable, attempt);
                // The account is over its limit for every runspace, not only this one: they all hold back.
                if (retryable.IsRateLimited) gate.HoldBack(delay);
                call.Verbose(_settings.Redact(string.Format(
                    System.Globalization.CultureInfo.InvariantCulture,
                    "{0} Retry {1} of {2} in {3:0.0} s.",
                    retryable.Message, attempt, _settings.MaximumRetryCount, delay.TotalSeconds)));
                await _clock.Delay(delay, call.CancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// Adds what this failed attempt was to the call's record, retried or not (the bulk rules read it); always
        /// true, so that it can stand in an exception filter.
        /// </summary>
        private bool Recorded(TrackingMoreApiException failure, CallContext call)
        {
            call.Attempts?.Add(OutcomeOf(failure));
            return true;
        }

        /// <summary>
        /// A dropped connection after the request went out and a gateway's 502/503/504 lose an answer the service may
        /// have given; a timeout may come after the service did the work; a rate-limit answer says it did nothing; a
        /// refused connection or TLS handshake never sent the request; anything else is the service's answer.
        /// </summary>
        internal AttemptOutcome OutcomeOf(TrackingMoreApiException failure) => failure.Reason switch
        {
            FailureReason.RateLimited => AttemptOutcome.RateLimited,
            FailureReason.Timeout => AttemptOutcome.TimedOut,
            FailureReason.TlsFailure => AttemptOutcome.NotSent,
            FailureReason.NetworkError => NeverSent(failure) ? AttemptOutcome.NotSent : AttemptOutcome.AnswerLost,
            _ => IsGatewayFailure(failure) ? AttemptOutcome.AnswerLost : AttemptOutcome.Answered,
        };

        /// <summary>No connection was made (refused, no route, no such host): the request never reached the service.</summary>
        private static bool NeverSent(TrackingMoreApiException failure)
        {
            for (var cause = failure.InnerException; cause != null; cause = cause.InnerException)
            {
                if (cause is System.Net.Sockets.SocketException socket)
                    return socket.SocketErrorCode is System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.HostNotFound
                        or System.Net.Sockets.SocketError.HostUnreachable or System.Net.Sockets.SocketError.NetworkUnreachable;
            }
            return false;
        }

        private async Task<ApiResponse> SendOnceAsync(ApiRequest request, CallContext call)
        {
            using var timeout = System.Threading.CancellationTokenSource.CreateLinkedTokenSource(call.CancellationToken);
            timeout.CancelAfter(_settings.Timeout);
            using var message = new HttpRequestMessage(request.Method, Target(request));
            message.Headers.TryAddWithoutValidation(_dialect.KeyHeader, _settings.RevealKeyForHeader());
            if (request.Body != null)
            {
                message.Content = new ByteArrayContent(request.Body);
                message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }
            call.Verbose(_settings.Redact(request.Method + " /" + request.Path + request.Query +
                         (request.Body != null ? " (" + request.Body.Length + "-byte body)" : string.Empty)));
            try
            {
                using var response = await SendAsync(message, timeout.Token).ConfigureAwait(false);
                if ((int)response.StatusCode >= 300 && (int)response.StatusCode < 400) throw Redirected(request, response);
                var body = await ResponseBody.ReadAsync(response.Content, ResponseLimit(request), timeout.Token).ConfigureAwait(false);
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
                throw new TrackingMoreApiException(FailureReason.Timeout,
                    request.Endpoint + " did not answer within " + _settings.Timeout.TotalSeconds + " s, the connection's timeout.",
                    request.Endpoint);
            }
            catch (ResponseTooLargeException tooLarge)
            {
                var limit = ResponseLimit(request) < _settings.MaximumResponseBytes
                    ? "the most this endpoint's answer can need"
                    : "the connection's limit, " + _settings.MaximumResponseBytes / (1024 * 1024) + " MB";
                throw new TrackingMoreApiException(FailureReason.ResponseTooLarge,
                    request.Endpoint + " " + tooLarge.Message + " (" + limit + "). Nothing of it was used.",
                    request.Endpoint);
            }
            catch (HttpRequestException failure) when (HasCause<AuthenticationException>(failure))
            {
                throw new TrackingMoreApiException(FailureReason.TlsFailure,
                    request.Endpoint + " failed: the TLS connection to " + _settings.BaseUri.Host + " could not be trusted: " + Innermost(failure).Message,
                    request.Endpoint, innerException: failure);
            }
            catch (Exception failure) when (failure is HttpRequestException || failure is IOException)
            {
                throw new TrackingMoreApiException(FailureReason.NetworkError,
                    request.Endpoint + " failed on the network: " + Innermost(failure).Message,
                    request.Endpoint, innerException: failure);
            }
            catch (Exception failure) when (!(failure is TrackingMoreApiException) && !(failure is OperationCanceledException))
            {
                // The transport's promise is that nothing but TrackingMoreApiException leaves it (and a stop).
                throw new TrackingMoreApiException(FailureReason.TransportFailure,
                    request.Endpoint + " failed unexpectedly: " + failure.GetType().Name + ": " + failure.Message,
                    request.Endpoint, innerException: failure);
            }
        }

        private long ResponseLimit(ApiRequest request) =>
            Math.Min(_settings.MaximumResponseBytes, request.MaximumResponseBytes ?? long.MaxValue);

        /// <summary>
        /// The request's URI: the base plus the request's path. A path whose segments a URI parser would resolve
        /// ("..", ".", percent-encoded or not) would reach another endpoint than the one named, so it is refused.
        /// </summary>
        private Uri Target(ApiRequest request)
        {
            var target = new Uri(_settings.BaseUri, request.Path + request.Query);
            var expected = _settings.BaseUri.AbsolutePath + request.Path;
            if (target.AbsolutePath != expected || !IsSameOrigin(target, _settings.BaseUri))
                throw new ArgumentException("The request path '" + request.Path + "' does not stay the " + request.Endpoint +
                                            " endpoint (dot segments are not allowed in tracking numbers or carrier codes).");
            return target;
        }

        private static bool IsSameOrigin(Uri left, Uri right) =>
            left.Scheme == right.Scheme && string.Equals(left.Host, right.Host, StringComparison.OrdinalIgnoreCase) && left.Port == right.Port;

        /// <summary>Headers first, so a dropped body or a timeout while reading it is seen as such.</summary>
        private Task<HttpResponseMessage> SendAsync(HttpRequestMessage message, System.Threading.CancellationToken cancellationToken) =>
            _http is HttpClient client
                ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                : _http.SendAsync(message, cancellationToken);

        /// <summary>
        /// A redirect is an error: following it would send the key (and a POST's body, or lose it) to wherever the
        /// server or a proxy points. The message names the status and the target's host, nothing of the request.
        /// </summary>
        private static TrackingMoreApiException Redirected(ApiRequest request, HttpResponseMessage response)
        {
            var location = response.Headers.Location;
            var where = location == null ? "no Location"
                : location.IsAbsoluteUri ? location.Scheme + "://" + location.Authority
                : "a relative Location";
            return new TrackingMoreApiException(FailureReason.Redirected,
                request.Endpoint + " answered HTTP " + (int)response.StatusCode + " " + response.StatusCode + ", a redirect to " + where +
                ". Redirects are not followed, so the API key goes nowhere but the connected base URI.",
                request.Endpoint, httpStatus: response.StatusCode);
        }

        private ApiResponse Interpret(ApiRequest request, HttpResponseMessage response, ResponseBody body)
        {
            var status = response.StatusCode;
            var retryAfter = ReadRetryAfter(response);
            Envelope envelope;
            try
            {
                envelope = _dialect.ReadEnvelope(body.ValidUtf8());
            }
            catch (JsonException)
            {
                throw Unreadable(request, status, body, retryAfter, "is not JSON");
            }

            if (envelope.Code is not int code) throw Unreadable(request, status, body, retryAfter, "has no " + _dialect.EnvelopeCodeName);
            if (_dialect.IsSuccess(code, status)) return new ApiResponse(body, envelope.Data, response.Headers.Date);

            var effectiveCode = _dialect.FailureCode(code, status);
            var apiMessage = envelope.Message;
            throw new TrackingMoreApiException(_dialect.ReasonOf(effectiveCode),
                "TrackingMore API error " + effectiveCode + (string.IsNullOrEmpty(apiMessage) ? string.Empty : ": " + apiMessage) +
                " (" + request.Endpoint + ")",
                request.Endpoint, effectiveCode, envelope.Type, apiMessage, status, retryAfter: retryAfter);
        }

        private TrackingMoreApiException Unreadable(ApiRequest request, HttpStatusCode status, ResponseBody body, TimeSpan? retryAfter, string problem)
        {
            var preview = body.Preview(_settings.Redact);
            var isHttpError = (int)status >= 400;
            var text = isHttpError
                ? request.Endpoint + " answered HTTP " + (int)status + " " + status + "; the body " + problem + ": " + preview
                : request.Endpoint + " answered HTTP " + (int)status + " with a body that " + problem + ": " + preview;
            var reason = isHttpError ? ReasonOfHttpStatus((int)status) : FailureReason.InvalidResponse;
            return new TrackingMoreApiException(reason, text, request.Endpoint, httpStatus: status, bodyPreview: preview, retryAfter: retryAfter);
        }

        /// <summary>
        /// An HTTP error whose body held no envelope (a proxy's page, a bare status): what the status says where it
        /// says something about the call, else that the answer was not the API's.
        /// </summary>
        private static FailureReason ReasonOfHttpStatus(int status) => status switch
        {
            401 => FailureReason.Unauthorized,
            429 => FailureReason.RateLimited,
            >= 500 and < 600 => FailureReason.ServerError,
            _ => FailureReason.InvalidResponse,
        };

        private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header?.Delta is TimeSpan delta) return delta;
            if (header?.Date is DateTimeOffset date)
            {
                var wait = date - _clock.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        internal bool IsRetryable(TrackingMoreApiException failure) =>
            failure.Reason is FailureReason.NetworkError or FailureReason.RateLimited || IsGatewayFailure(failure);

        /// <summary>A 502, 503 or 504, as the envelope's code (the dialect knows which codes those are) or as the bare HTTP status.</summary>
        private bool IsGatewayFailure(TrackingMoreApiException failure) =>
            failure.Reason == FailureReason.ServerError &&
            (failure.ApiCode is int code ? _dialect.IsGatewayCode(code) : (int?)failure.HttpStatus is 502 or 503 or 504);

        /// <summary>
        /// Exponential back-off with jitter. A server's Retry-After (or, without one, the version's wait after a rate-limit
        /// answer) can lengthen the wait (up to two minutes) but never shorten it: "Retry-After: 0" or a date in the past must not turn retries into a burst.
        /// </summary>
        private TimeSpan RetryDelay(TrackingMoreApiException failure, int attempt)
        {
            var exponential = TimeSpan.FromTicks(Math.Min(LongestBackoff.Ticks, FirstBackoff.Ticks << Math.Min(attempt - 1, 16)));
            double factor;
            lock (_jitter) factor = 0.8 + _jitter.NextDouble() * 0.4;
            var backoff = TimeSpan.FromTicks((long)(exponential.Ticks * factor));
            // Without a Retry-After, a rate-limit answer waits what the version says to (v4: 120 s), if it says.
            var serverSays = failure.RetryAfter ?? (failure.IsRateLimited ? _dialect.RateLimitedWait : null);
            if (serverSays is TimeSpan wait && wait > backoff)
                return wait < LongestRetryAfter ? wait : LongestRetryAfter;
            return backoff;
        }

        private static bool HasCause<TCause>(Exception failure) where TCause : Exception
        {
            for (var cause = failure.InnerException; cause != null; cause = cause.InnerException)
                if (cause is TCause) return true;
            return false;
        }

        private static Exception Innermost(Exception failure)
        {
            while (failure.InnerException != null) failure = failure.InnerException;
            return failure;
        }

        private static HttpClient CreateHttpClient()
        {
            var handler = new HttpClientHandler
            {
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // A followed redirect would carry the key header to the new place; a 3xx becomes an error instead.
                AllowAutoRedirect = false,
                Proxy = new LoopbackBypassProxy(WebRequest.DefaultWebProxy),
            };
            var client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
            var version = typeof(ApiTransport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
            client.DefaultRequestHeaders.UserAgent.ParseAdd("TrackingMore-PowerShell/" + version.Split('+')[0]);
            return client;
        }
    }

    /// <summary>
    /// The system's proxy (HTTP_PROXY, HTTPS_PROXY, ALL_PROXY, or the OS setting), except for loopback: a base URI on
    /// 127.0.0.1, ::1 or localhost is plain http to this machine (no -AllowInsecureHttp needed), so sending it through
    /// a proxy would hand the key in clear to whoever runs the proxy. Such requests go direct, whatever NO_PROXY says.
    /// </summary>
    internal sealed class LoopbackBypassProxy : IWebProxy
    {
        private readonly IWebProxy? _system;

        public LoopbackBypassProxy(IWebProxy? system) => _system = system;

        public ICredentials? Credentials
        {
            get => _system?.Credentials;
            set
            {
                if (_system != null) _system.Credentials = value;
            }
        }

        public Uri? GetProxy(Uri destination) => IsBypassed(destination) ? destination : _system?.GetProxy(destination);

        public bool IsBypassed(Uri host) => ConnectionSettings.IsLoopback(host) || _system == null || _system.IsBypassed(host);
    }
}
