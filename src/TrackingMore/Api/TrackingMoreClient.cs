using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Api
{
    /// <summary>
    /// The TrackingMore v2 API, one async method per endpoint. Knows nothing of PowerShell; every failure is a
    /// <see cref="TrackingMoreApiException"/> and every answer a model from <c>TrackingMore.Models</c>.
    /// </summary>
    public sealed class TrackingMoreClient
    {
        /// <summary>The API's cap on items in one bulk request (batch create, bulk update, delete, notupdate).</summary>
        public const int MaxBulkItems = 40;

        private static readonly HttpMethod Put = new HttpMethod("PUT");
        private readonly ApiTransport _transport;

        public TrackingMoreClient(ConnectionSettings settings) => _transport = new ApiTransport(settings);

        internal TrackingMoreClient(ConnectionSettings settings, HttpMessageInvoker http) => _transport = new ApiTransport(settings, http);

        public ConnectionSettings Settings => _transport.Settings;

        public Task<Tracking> CreateTrackingAsync(NewTrackingRequest tracking, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/post", "trackings/post", tracking, RequestJsonContext.Default.NewTrackingRequest),
                call, TrackingReader.ReadTracking);

        public Task<BulkResult> CreateTrackingsAsync(IReadOnlyList<NewTrackingRequest> trackings, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/batch", "trackings/batch", CheckBulk(trackings), RequestJsonContext.Default.ListNewTrackingRequest),
                call, TrackingReader.ReadBulk);

        public Task<Tracking> GetTrackingAsync(TrackingIdentity tracking, string? language, CallContext call)
        {
            var path = TrackingPath(tracking) + (string.IsNullOrEmpty(language) ? string.Empty : "/" + Uri.EscapeDataString(language));
            return SendAsync(new ApiRequest(HttpMethod.Get, "GET /trackings/{carrier}/{number}", path), call, ReadSingleTracking);
        }

        public Task<TrackingPage> ListTrackingsAsync(TrackingListQuery query, CallContext call)
        {
            var request = new ApiRequest(HttpMethod.Get, "GET /trackings/get", "trackings/get", EndpointClass.List) { Query = query.ToQueryString() };
            return SendAsync(request, call, data => TrackingReader.ReadPage(data, query.Page, query.Limit));
        }

        public Task DeleteTrackingAsync(TrackingIdentity tracking, CallContext call) =>
            SendAsync(new ApiRequest(HttpMethod.Delete, "DELETE /trackings/{carrier}/{number}", TrackingPath(tracking)), call, _ => true);

        public Task<BulkResult> DeleteTrackingsAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/delete", "trackings/delete", Identities(trackings), RequestJsonContext.Default.ListTrackingIdentity),
                call, TrackingReader.ReadBulk);

        /// <summary>A single tracking may come bare or, from some endpoints, wrapped as {items:[...]}.</summary>
        private static Tracking ReadSingleTracking(JsonElement data)
        {
            var items = LooseJson.Property(data, "items");
            foreach (var item in LooseJson.Items(items)) return TrackingReader.ReadTracking(item);
            if (data.ValueKind == JsonValueKind.Array)
                foreach (var item in data.EnumerateArray()) return TrackingReader.ReadTracking(item);
            return TrackingReader.ReadTracking(data);
        }

        private async Task<T> SendAsync<T>(ApiRequest request, CallContext call, Func<JsonElement, T> read)
        {
            using var response = await _transport.SendAsync(request, call).ConfigureAwait(false);
            try
            {
                return read(response.Data);
            }
            catch (Exception failure) when (failure is InvalidOperationException || failure is FormatException || failure is OverflowException)
            {
                throw new TrackingMoreApiException(ApiFailureKind.InvalidResponse,
                    request.Endpoint + " answered with data this module could not read: " + failure.Message, request.Endpoint,
                    innerException: failure);
            }
        }

        private static ApiRequest Json<T>(HttpMethod method, string endpoint, string path, T body, JsonTypeInfo<T> type) =>
            new ApiRequest(method, endpoint, path) { Body = JsonSerializer.SerializeToUtf8Bytes(body, type) };

        /// <summary>Tracking numbers may hold '/', '?', '#' or '%': each path segment is escaped on its own.</summary>
        private static string TrackingPath(TrackingIdentity tracking) =>
            "trackings/" + Uri.EscapeDataString(tracking.CarrierCode) + "/" + Uri.EscapeDataString(tracking.TrackingNumber);

        private static List<T> CheckBulk<T>(IReadOnlyList<T> items)
        {
            if (items.Count == 0 || items.Count > MaxBulkItems)
                throw new ArgumentOutOfRangeException(nameof(items), items.Count, "A bulk request takes 1 to " + MaxBulkItems + " items.");
            return new List<T>(items);
        }

        private static List<TrackingIdentity> Identities(IReadOnlyList<TrackingIdentity> items)
        {
            var plain = CheckBulk(items);
            // Send only the identity, whatever subclass the caller holds.
            for (var i = 0; i < plain.Count; i++) plain[i] = new TrackingIdentity(plain[i].TrackingNumber, plain[i].CarrierCode);
            return plain;
        }
    }
}
