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
            return SendAsync(new ApiRequest(HttpMethod.Get, "GET /trackings/{carrier}/{number}", path), call, TrackingReader.ReadSingle);
        }

        public Task<TrackingPage> ListTrackingsAsync(TrackingListQuery query, CallContext call)
        {
            var request = new ApiRequest(HttpMethod.Get, "GET /trackings/get", "trackings/get", EndpointClass.List) { Query = QueryEncoding.ForList(query) };
            return SendAsync(request, call, data => TrackingReader.ReadPage(data, query.Page, query.Limit));
        }

        /// <summary>
        /// The trackings with these numbers, whatever their carrier, through the list's numbers filter (40 numbers a
        /// request, at the list's pace). A number the account does not hold is simply not in the result.
        /// </summary>
        public async Task<IReadOnlyList<Tracking>> FindTrackingsAsync(IReadOnlyList<string> numbers, string? language, CallContext call)
        {
            var found = new List<Tracking>();
            for (var start = 0; start < numbers.Count; start += TrackingListQuery.MaxListValues)
            {
                var chunk = new string[Math.Min(TrackingListQuery.MaxListValues, numbers.Count - start)];
                for (var i = 0; i < chunk.Length; i++) chunk[i] = numbers[start + i];
                var query = new TrackingListQuery { Numbers = chunk, Limit = TrackingListQuery.MaxPageSize, Language = language };
                var page = await ListTrackingsAsync(query, call).ConfigureAwait(false);
                found.AddRange(page.Items);
            }
            return found;
        }

        public Task DeleteTrackingAsync(TrackingIdentity tracking, CallContext call) =>
            SendAsync(new ApiRequest(HttpMethod.Delete, "DELETE /trackings/{carrier}/{number}", TrackingPath(tracking)), call, _ => true);

        public Task<BulkResult> DeleteTrackingsAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/delete", "trackings/delete", Identities(trackings), RequestJsonContext.Default.ListTrackingIdentity),
                call, TrackingReader.ReadBulk);

        public Task<Tracking> UpdateTrackingAsync(TrackingUpdateRequest changes, CallContext call) =>
            SendAsync(new ApiRequest(Put, "PUT /trackings/{carrier}/{number}", TrackingPath(changes))
            {
                Body = JsonSerializer.SerializeToUtf8Bytes(changes, RequestJsonContext.TrackingChanges),
            }, call, TrackingReader.ReadSingle);

        public async Task<BulkResult> UpdateTrackingsAsync(IReadOnlyList<TrackingUpdateRequest> changes, CallContext call)
        {
            var result = await SendAsync(Json(HttpMethod.Post, "POST /trackings/updatemore", "trackings/updatemore", CheckBulk(changes), RequestJsonContext.Default.ListTrackingUpdateRequest),
                call, TrackingReader.ReadBulk).ConfigureAwait(false);
            // updatemore answers in the short form, which leaves archived out (Archived would read false); a tracking
            // it lists was updated, so it has the value sent.
            foreach (var tracking in result.Trackings)
            {
                foreach (var change in changes)
                {
                    if (change.Archived is bool archived && string.Equals(change.TrackingNumber, tracking.TrackingNumber, StringComparison.OrdinalIgnoreCase)
                        && string.Equals(change.CarrierCode, tracking.CarrierCode, StringComparison.OrdinalIgnoreCase))
                        tracking.Archived = archived;
                }
            }
            return result;
        }

        /// <summary>The API answers {"Usertag":""}; what the caller gets is where the tracking lives now.</summary>
        public Task<TrackingIdentity> ChangeCarrierAsync(CarrierChangeRequest change, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/update", "trackings/update", change, RequestJsonContext.Default.CarrierChangeRequest),
                call, _ => new TrackingIdentity(change.TrackingNumber, change.NewCarrierCode));

        /// <summary>The service stops refreshing these trackings (track_update becomes false).</summary>
        public async Task<BulkResult> StopUpdatingAsync(IReadOnlyList<TrackingIdentity> trackings, CallContext call)
        {
            var result = await SendAsync(Json(HttpMethod.Post, "POST /trackings/notupdate", "trackings/notupdate", Identities(trackings), RequestJsonContext.Default.ListTrackingIdentity),
                call, TrackingReader.ReadBulk).ConfigureAwait(false);
            // notupdate answers in the short form, which leaves track_update out; a tracking it lists has stopped.
            foreach (var tracking in result.Trackings) tracking.TrackUpdate = false;
            return result;
        }

        /// <summary>Asks the carrier now; limited to 3 requests a second per account, with its own gate.</summary>
        public Task<Tracking> GetRealtimeTrackingAsync(RealtimeTrackingRequest tracking, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/realtime", "trackings/realtime", tracking, RequestJsonContext.Default.RealtimeTrackingRequest, EndpointClass.Realtime),
                call, TrackingReader.ReadSingle);

        public Task<TrackingStatusCount> GetStatusCountAsync(TrackingCountQuery query, CallContext call) =>
            SendAsync(new ApiRequest(HttpMethod.Get, "GET /trackings/getstatusnumber", "trackings/getstatusnumber") { Query = QueryEncoding.ForCount(query) },
                call, AccountReader.ReadStatusCount);

        public Task<TrackingAccount> GetAccountAsync(CallContext call) =>
            SendAsync(new ApiRequest(HttpMethod.Get, "GET /trackings/getuserinfo", "trackings/getuserinfo"), call, AccountReader.ReadAccount);

        /// <summary>One result per place, in the order given. Costs quota (one per five calls).</summary>
        public Task<IReadOnlyList<RemoteAreaResult>> CheckRemoteAreasAsync(IReadOnlyList<RemoteAreaRequest> places, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/remote", "trackings/remote", CheckBulk(places), RequestJsonContext.Default.ListRemoteAreaRequest),
                call, data => RouteReader.ReadRemoteAreas(data, places));

        /// <summary>One result per route, in the order given; null for a route the answer left out.</summary>
        public Task<IReadOnlyList<TransitTime?>> GetTransitTimesAsync(IReadOnlyList<TransitTimeRequest> routes, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /trackings/costtime", "trackings/costtime", CheckBulk(routes), RequestJsonContext.Default.ListTransitTimeRequest),
                call, data => RouteReader.ReadTransitTimes(data, routes));

        /// <summary>
        /// One result per number, in the order given; null for a number the answer left out. Costs 20 quota a number,
        /// so numbers that are not air waybill numbers are refused before anything is sent.
        /// </summary>
        public Task<IReadOnlyList<AirWaybill?>> GetAirWaybillsAsync(IReadOnlyList<string> numbers, string? language, CallContext call)
        {
            foreach (var number in numbers)
            {
                if (!AirWaybillNumbers.IsValid(number))
                    throw new ArgumentException("'" + number + "' is not an air waybill number (e.g. " + AirWaybillNumbers.Example + ").", nameof(numbers));
            }
            var body = new AirWaybillRequest(CheckBulk(numbers), language);
            return SendAsync(Json(HttpMethod.Post, "POST /trackings/aircargo", "trackings/aircargo", body, RequestJsonContext.Default.AirWaybillRequest),
                call, data => AirWaybillReader.ReadAirWaybills(data, numbers));
        }

        public Task<IReadOnlyList<Carrier>> ListCarriersAsync(CallContext call) =>
            SendAsync(new ApiRequest(HttpMethod.Get, "GET /carriers", "carriers"), call, CarrierReader.ReadCarriers);

        /// <summary>The carriers whose numbers look like this one, most likely first. No match is error 4032. Costs quota.</summary>
        public Task<IReadOnlyList<DetectedCarrier>> DetectCarrierAsync(string trackingNumber, CallContext call) =>
            SendAsync(Json(HttpMethod.Post, "POST /carriers/detect", "carriers/detect", new CarrierDetectionRequest(trackingNumber), RequestJsonContext.Default.CarrierDetectionRequest),
                call, data => CarrierReader.ReadDetected(data, trackingNumber));

        private Task<T> SendAsync<T>(ApiRequest request, CallContext call, Func<JsonElement, T> read) => _transport.SendAsync(request, call, read);

        private static ApiRequest Json<T>(HttpMethod method, string endpoint, string path, T body, JsonTypeInfo<T> type,
            EndpointClass endpointClass = EndpointClass.Other) =>
            new ApiRequest(method, endpoint, path, endpointClass) { Body = JsonSerializer.SerializeToUtf8Bytes(body, type) };

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
