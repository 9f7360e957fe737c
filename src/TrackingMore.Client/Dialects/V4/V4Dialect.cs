using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// The v4 API (api-v4.md): root /v4, key in Tracking-Api-Key, every answer an envelope {meta:{code, message},
    /// data} (no meta.type) under a real HTTP status, whose body is read on every status: the meta code says what
    /// happened, the HTTP status only where the meta code says success. Create is "create and get" (it answers the
    /// full tracking, so it is paced as v2's realtime call); batch create is a bare array of at most 40.
    /// </summary>
    internal sealed class V4Dialect : ApiDialect
    {
        public const string KeyHeaderName = "Tracking-Api-Key";

        public static readonly V4Dialect Instance = new V4Dialect();

        /// <summary>
        /// The published limits (api-v4.md's endpoint table): create 3/s, which is the call that asks the carrier now
        /// (the Realtime class), every other endpoint 10/s, listing included.
        /// </summary>
        private static readonly ApiCapabilities V4Capabilities = new ApiCapabilities(ApiVersion.V4, batchSize: 40, maxPageSize: 200, maxListValues: 40,
            new Dictionary<EndpointClass, double> { [EndpointClass.List] = 10, [EndpointClass.Realtime] = 3, [EndpointClass.Other] = 10 },
            new Dictionary<ApiOperation, string>
            {
                [ApiOperation.CreateTracking] = "POST /trackings/create",
                [ApiOperation.CreateTrackings] = "POST /trackings/batch",
                // No realtime call: create answers the tracking with the carrier's results (create and get).
                [ApiOperation.GetRealtimeTracking] = "POST /trackings/create",
                // v4 has no GET of one tracking: the list filtered by number and courier stands in (api-v4.md).
                [ApiOperation.GetTracking] = "GET /trackings/get",
                [ApiOperation.ListTrackings] = "GET /trackings/get",
                [ApiOperation.UpdateTracking] = "PUT /trackings/update/{id}",
                [ApiOperation.DeleteTracking] = "DELETE /trackings/delete/{id}",
                // v4 changes the courier through the update: courier_code_new.
                [ApiOperation.ChangeCarrier] = "PUT /trackings/update/{id}",
                [ApiOperation.GetAirWaybills] = "POST /awb",
                [ApiOperation.ListCarriers] = "GET /couriers/all",
                [ApiOperation.DetectCarrier] = "POST /couriers/detect",
            },
            // No total: a short page may be the server's cap (the emulator's is 200), so only an empty page ends a listing.
            shortPageEndsListing: false,
            // Updates and removals name the tracking by id: the client takes the request's or looks it up.
            addressesById: true,
            setsStatusByHand: false,
            realtimeCreates: true,
            airWaybillsPerRequest: 1);

        private static readonly HttpMethod Put = new HttpMethod("PUT");

        private static readonly Uri V4PublicBaseUri = new Uri("https://api.trackingmore.com/v4/");

        private V4Dialect()
        {
        }

        public override ApiVersion Version => ApiVersion.V4;
        public override Uri PublicBaseUri => V4PublicBaseUri;
        public override string KeyHeader => KeyHeaderName;
        public override ApiCapabilities Capabilities => V4Capabilities;

        public override Envelope ReadEnvelope(ReadOnlyMemory<byte> body) => ReadMetaEnvelope(body);

        public override string EnvelopeCodeName => "meta.code";

        public override bool IsSuccess(int code, HttpStatusCode status) => code == 200 && (int)status < 300;

        /// <summary>The meta code first; a meta 200 inside an HTTP error (a proxy's, or the service's slip) is that HTTP status.</summary>
        public override int FailureCode(int code, HttpStatusCode status) => code == 200 ? (int)status : code;

        public override FailureReason ReasonOf(int code) => V4Codes.ReasonOf(code);

        /// <summary>v4's codes below 1000 are its HTTP statuses; 511–513 are its own server errors, not a gateway's.</summary>
        public override bool IsGatewayCode(int code) => code is 502 or 503 or 504;

        /// <summary>TrackingMore's rate-limit article: "wait 120 secs"; v4 sends no Retry-After (api-v4.md).</summary>
        public override TimeSpan? RateLimitedWait => TimeSpan.FromSeconds(120);

        /// <summary>v4's create answers the tracking with its results: the call that asks the carrier, paced at 3/s.</summary>
        public override DialectCall<Tracking> CreateTracking(NewTrackingRequest tracking) =>
            Json(ApiOperation.CreateTracking, HttpMethod.Post, "trackings/create", tracking, ReadTracking, EndpointClass.Realtime);

        /// <summary>Create and get, as create; for a tracking the account has already (4101) the client reads the stored one (<see cref="ApiCapabilities.RealtimeCreates"/>).</summary>
        public override DialectCall<Tracking> GetRealtimeTracking(RealtimeTrackingRequest tracking) =>
            Json(ApiOperation.GetRealtimeTracking, HttpMethod.Post, "trackings/create", tracking, ReadTracking, EndpointClass.Realtime);

        /// <summary>A bare array; the answer holds ids only ({success, error} with camelCase error fields).</summary>
        public override DialectCall<BulkResult> CreateTrackings(IReadOnlyList<NewTrackingRequest> trackings) =>
            Json(ApiOperation.CreateTrackings, HttpMethod.Post, "trackings/batch", new List<NewTrackingRequest>(trackings),
                data => TrackingReader.ReadBulk(data, V4TrackingSchema.Instance, V4TrackingSchema.Bulk));

        public override DialectCall<Tracking> GetTracking(TrackingIdentity tracking, string? language)
        {
            var request = Request(ApiOperation.GetTracking, HttpMethod.Get, "trackings/get", EndpointClass.List);
            request.Query = V4Queries.ForList(new TrackingListQuery { Numbers = new[] { tracking.TrackingNumber }, Language = language }, Capabilities.MaxListValues,
                tracking.CarrierCode);
            return new DialectCall<Tracking>(request, response =>
            {
                var found = TrackingReader.ReadArrayPage(response.DataBytes, 1, 1, V4TrackingSchema.Instance, response.ServerTime).Items;
                // An unknown number lists as [] (or fails with 4102, which V4Codes reads as NotFound too).
                return found.Count > 0 ? found[0] : throw new TrackingMoreApiException(FailureReason.NotFound,
                    "TrackingMore has no tracking " + tracking.TrackingNumber + " with carrier " + tracking.CarrierCode + " (" + request.Endpoint + " listed none).",
                    request.Endpoint);
            });
        }

        /// <summary>A plain array per page, no total; the listing ends on an empty page (<see cref="ApiCapabilities.ShortPageEndsListing"/>).</summary>
        public override DialectCall<TrackingPage> ListTrackings(TrackingListQuery query)
        {
            var request = Request(ApiOperation.ListTrackings, HttpMethod.Get, "trackings/get", EndpointClass.List);
            request.Query = V4Queries.ForList(query, Capabilities.MaxListValues);
            return new DialectCall<TrackingPage>(request,
                response => TrackingReader.ReadArrayPage(response.DataBytes, query.Page, query.Limit, V4TrackingSchema.Instance, response.ServerTime));
        }

        /// <summary>The answer echoes the editable fields, not a full tracking: read as far as it goes, under the id.</summary>
        public override DialectCall<Tracking> UpdateTracking(TrackingUpdateRequest changes)
        {
            var request = Request(ApiOperation.UpdateTracking, Put, "trackings/update/" + IdSegment(changes));
            request.Body = V4RequestJson.ChangesOnly(changes);
            return Read(request, ReadTracking);
        }

        /// <summary>The answer is {id, tracking_number, courier_code} (fixtures/v4-delete-captured-2024.json).</summary>
        public override DialectCall<bool> DeleteTracking(TrackingIdentity tracking) =>
            Read(Request(ApiOperation.DeleteTracking, HttpMethod.Delete, "trackings/delete/" + IdSegment(tracking)), _ => true);

        /// <summary>The update with courier_code_new; the answer's courier_code is the one before the change, so the caller gets the new place.</summary>
        public override DialectCall<TrackingIdentity> ChangeCarrier(CarrierChangeRequest change) =>
            Json(ApiOperation.ChangeCarrier, Put, "trackings/update/" + IdSegment(change), new V4CarrierChange(change.NewCarrierCode),
                _ => new TrackingIdentity(change.TrackingNumber, change.NewCarrierCode) { Id = change.Id });

        /// <summary>The client fills the id in before it asks for the request (<see cref="ApiCapabilities.AddressesById"/>).</summary>
        private static string IdSegment(TrackingIdentity tracking) => Uri.EscapeDataString(tracking.Id ??
            throw new InvalidOperationException("A v4 request for " + tracking + " was built without the tracking's id."));

        /// <summary>One number a request ({"awb_number"}; the client sends more as several requests); the answer is one waybill, its number under awb_number.</summary>
        public override DialectCall<IReadOnlyList<AirWaybill?>> GetAirWaybills(IReadOnlyList<string> numbers, string? language) =>
            Json<V4AirWaybillRequest, IReadOnlyList<AirWaybill?>>(ApiOperation.GetAirWaybills, HttpMethod.Post, "awb",
                new V4AirWaybillRequest(numbers.Count == 1 ? numbers[0] : throw new ArgumentException("v4's /awb takes one number a request.", nameof(numbers))),
                data => AirWaybillReader.ReadAirWaybills(data, numbers, "awb_number"));

        public override DialectCall<IReadOnlyList<Carrier>> ListCarriers()
        {
            var request = Request(ApiOperation.ListCarriers, HttpMethod.Get, "couriers/all");
            request.MaximumResponseBytes = CarrierReader.MaxListBytes;
            return Read(request, data => CarrierReader.ReadCarriers(data, V4CarrierFields.Carrier));
        }

        public override DialectCall<IReadOnlyList<DetectedCarrier>> DetectCarrier(string trackingNumber) =>
            Json<V2.CarrierDetectionRequest, IReadOnlyList<DetectedCarrier>>(ApiOperation.DetectCarrier, HttpMethod.Post, "couriers/detect",
                new V2.CarrierDetectionRequest(trackingNumber), data => CarrierReader.ReadDetected(data, trackingNumber, V4CarrierFields.Detected));

        private static Tracking ReadTracking(JsonElement data) => TrackingReader.ReadTracking(data, V4TrackingSchema.Instance);

        private static DialectCall<T> Read<T>(ApiRequest request, Func<JsonElement, T> read) => new DialectCall<T>(request, response => read(response.Data));

        private DialectCall<TResult> Json<TBody, TResult>(ApiOperation operation, HttpMethod method, string path, TBody body, Func<JsonElement, TResult> read,
            EndpointClass endpointClass = EndpointClass.Other)
        {
            var request = Request(operation, method, path, endpointClass);
            request.Body = V4RequestJson.Serialize(body);
            return Read(request, read);
        }
    }
}
