using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V2
{
    /// <summary>
    /// The v2 API (api-v2.md): root /v2, key in Trackingmore-Api-Key, every answer an envelope {meta:{code,type,
    /// message}, data} whose success codes are 200 to 202 under an HTTP success, a tracking addressed by carrier and
    /// number in the path, the list paged by page and limit with a total, bulk requests of up to 40 items.
    /// </summary>
    internal class V2Dialect : ApiDialect
    {
        public const string KeyHeaderName = "Trackingmore-Api-Key";

        public static readonly V2Dialect Instance = new V2Dialect();

        private static readonly HttpMethod Put = new HttpMethod("PUT");

        private static readonly ApiCapabilities V2Capabilities = new ApiCapabilities(ApiVersion.V2, batchSize: 40, maxPageSize: 2000, maxListValues: 40,
            new Dictionary<EndpointClass, double> { [EndpointClass.List] = 1, [EndpointClass.Realtime] = 3, [EndpointClass.Other] = 0 },
            new Dictionary<ApiOperation, string>
            {
                [ApiOperation.CreateTracking] = "POST /trackings/post",
                [ApiOperation.CreateTrackings] = "POST /trackings/batch",
                [ApiOperation.GetTracking] = "GET /trackings/{carrier}/{number}",
                [ApiOperation.ListTrackings] = "GET /trackings/get",
                [ApiOperation.DeleteTracking] = "DELETE /trackings/{carrier}/{number}",
                [ApiOperation.DeleteTrackings] = "POST /trackings/delete",
                [ApiOperation.UpdateTracking] = "PUT /trackings/{carrier}/{number}",
                [ApiOperation.UpdateTrackings] = "POST /trackings/updatemore",
                [ApiOperation.ChangeCarrier] = "POST /trackings/update",
                [ApiOperation.StopUpdating] = "POST /trackings/notupdate",
                [ApiOperation.GetRealtimeTracking] = "POST /trackings/realtime",
                [ApiOperation.GetStatusCount] = "GET /trackings/getstatusnumber",
                [ApiOperation.GetAccount] = "GET /trackings/getuserinfo",
                [ApiOperation.CheckRemoteAreas] = "POST /trackings/remote",
                [ApiOperation.GetTransitTimes] = "POST /trackings/costtime",
                [ApiOperation.GetAirWaybills] = "POST /trackings/aircargo",
                [ApiOperation.ListCarriers] = "GET /carriers",
                [ApiOperation.DetectCarrier] = "POST /carriers/detect",
            });

        private static readonly Uri V2PublicBaseUri = new Uri("https://api.trackingmore.com/v2/");

        /// <summary>Tests derive from it to withhold an operation; everyone else uses <see cref="Instance"/>.</summary>
        protected V2Dialect()
        {
        }

        public override ApiVersion Version => ApiVersion.V2;
        public override Uri PublicBaseUri => V2PublicBaseUri;
        public override string KeyHeader => KeyHeaderName;
        public override ApiCapabilities Capabilities => V2Capabilities;

        public override Envelope ReadEnvelope(ReadOnlyMemory<byte> body) => ReadMetaEnvelope(body);

        public override string EnvelopeCodeName => "meta.code";

        public override bool IsSuccess(int code, HttpStatusCode status) => code is 200 or 201 or 202 && (int)status < 300;

        public override int FailureCode(int code, HttpStatusCode status) => code is 200 or 201 or 202 ? (int)status : code;

        public override FailureReason ReasonOf(int code) => V2Codes.ReasonOf(code);

        /// <summary>v2's codes below 1000 are HTTP statuses.</summary>
        public override bool IsGatewayCode(int code) => code is 502 or 503 or 504;

        public override DialectCall<Tracking> CreateTracking(NewTrackingRequest tracking) =>
            Json(ApiOperation.CreateTracking, HttpMethod.Post, "trackings/post", tracking, TrackingReader.ReadTracking);

        public override DialectCall<BulkResult> CreateTrackings(IReadOnlyList<NewTrackingRequest> trackings) =>
            Json(ApiOperation.CreateTrackings, HttpMethod.Post, "trackings/batch", new List<NewTrackingRequest>(trackings), TrackingReader.ReadBulk);

        public override DialectCall<Tracking> GetTracking(TrackingIdentity tracking, string? language) =>
            Read(Request(ApiOperation.GetTracking, HttpMethod.Get,
                TrackingPath(tracking) + (string.IsNullOrEmpty(language) ? string.Empty : "/" + Uri.EscapeDataString(language))), TrackingReader.ReadSingle);

        public override DialectCall<TrackingPage> ListTrackings(TrackingListQuery query)
        {
            var request = Request(ApiOperation.ListTrackings, HttpMethod.Get, "trackings/get", EndpointClass.List);
            request.Query = V2Queries.ForList(query, Capabilities.MaxListValues);
            return new DialectCall<TrackingPage>(request, response => TrackingReader.ReadPage(response.DataBytes, query.Page, query.Limit, response.ServerTime));
        }

        public override DialectCall<bool> DeleteTracking(TrackingIdentity tracking) =>
            Read(Request(ApiOperation.DeleteTracking, HttpMethod.Delete, TrackingPath(tracking)), _ => true);

        public override DialectCall<BulkResult> DeleteTrackings(IReadOnlyList<TrackingIdentity> trackings) =>
            Json(ApiOperation.DeleteTrackings, HttpMethod.Post, "trackings/delete", Identities(trackings), TrackingReader.ReadBulk);

        public override DialectCall<Tracking> UpdateTracking(TrackingUpdateRequest changes)
        {
            var request = Request(ApiOperation.UpdateTracking, Put, TrackingPath(changes));
            request.Body = V2RequestJson.ChangesOnly(changes);
            return Read(request, TrackingReader.ReadSingle);
        }

        public override DialectCall<BulkResult> UpdateTrackings(IReadOnlyList<TrackingUpdateRequest> changes) =>
            Json(ApiOperation.UpdateTrackings, HttpMethod.Post, "trackings/updatemore", new List<TrackingUpdateRequest>(changes), TrackingReader.ReadBulk);

        /// <summary>The API answers {"Usertag":""}; what the caller gets is where the tracking lives now.</summary>
        public override DialectCall<TrackingIdentity> ChangeCarrier(CarrierChangeRequest change) =>
            Json(ApiOperation.ChangeCarrier, HttpMethod.Post, "trackings/update", change, _ => new TrackingIdentity(change.TrackingNumber, change.NewCarrierCode));

        public override DialectCall<BulkResult> StopUpdating(IReadOnlyList<TrackingIdentity> trackings) =>
            Json(ApiOperation.StopUpdating, HttpMethod.Post, "trackings/notupdate", Identities(trackings), TrackingReader.ReadBulk);

        public override DialectCall<Tracking> GetRealtimeTracking(RealtimeTrackingRequest tracking) =>
            Json(ApiOperation.GetRealtimeTracking, HttpMethod.Post, "trackings/realtime", tracking, TrackingReader.ReadSingle, EndpointClass.Realtime);

        public override DialectCall<TrackingStatusCount> GetStatusCount(TrackingCountQuery query)
        {
            var request = Request(ApiOperation.GetStatusCount, HttpMethod.Get, "trackings/getstatusnumber");
            request.Query = V2Queries.ForCount(query);
            return Read(request, AccountReader.ReadStatusCount);
        }

        public override DialectCall<TrackingAccount> GetAccount() =>
            Read(Request(ApiOperation.GetAccount, HttpMethod.Get, "trackings/getuserinfo"), AccountReader.ReadAccount);

        public override DialectCall<IReadOnlyList<RemoteAreaResult?>> CheckRemoteAreas(IReadOnlyList<RemoteAreaRequest> places, Func<string?, string> redact) =>
            Json<List<RemoteAreaRequest>, IReadOnlyList<RemoteAreaResult?>>(ApiOperation.CheckRemoteAreas, HttpMethod.Post, "trackings/remote",
                new List<RemoteAreaRequest>(places), data => RouteReader.ReadRemoteAreas(data, places, redact));

        public override DialectCall<IReadOnlyList<TransitTime?>> GetTransitTimes(IReadOnlyList<TransitTimeRequest> routes) =>
            Json<List<TransitTimeRequest>, IReadOnlyList<TransitTime?>>(ApiOperation.GetTransitTimes, HttpMethod.Post, "trackings/costtime",
                new List<TransitTimeRequest>(routes), data => RouteReader.ReadTransitTimes(data, routes));

        public override DialectCall<IReadOnlyList<AirWaybill?>> GetAirWaybills(IReadOnlyList<string> numbers, string? language) =>
            Json<AirWaybillRequest, IReadOnlyList<AirWaybill?>>(ApiOperation.GetAirWaybills, HttpMethod.Post, "trackings/aircargo",
                new AirWaybillRequest(numbers, language), data => AirWaybillReader.ReadAirWaybills(data, numbers));

        public override DialectCall<IReadOnlyList<Carrier>> ListCarriers()
        {
            var request = Request(ApiOperation.ListCarriers, HttpMethod.Get, "carriers");
            request.MaximumResponseBytes = CarrierReader.MaxListBytes;
            return Read(request, data => CarrierReader.ReadCarriers(data, V2CarrierFields.Carrier));
        }

        public override DialectCall<IReadOnlyList<DetectedCarrier>> DetectCarrier(string trackingNumber) =>
            Json<CarrierDetectionRequest, IReadOnlyList<DetectedCarrier>>(ApiOperation.DetectCarrier, HttpMethod.Post, "carriers/detect",
                new CarrierDetectionRequest(trackingNumber), data => CarrierReader.ReadDetected(data, trackingNumber));

        private static DialectCall<T> Read<T>(ApiRequest request, Func<JsonElement, T> read) => new DialectCall<T>(request, response => read(response.Data));

        private DialectCall<TResult> Json<TBody, TResult>(ApiOperation operation, HttpMethod method, string path, TBody body, Func<JsonElement, TResult> read,
            EndpointClass endpointClass = EndpointClass.Other)
        {
            var request = Request(operation, method, path, endpointClass);
            request.Body = V2RequestJson.Serialize(body);
            return Read(request, read);
        }

        /// <summary>Tracking numbers may hold '/', '?', '#' or '%': each path segment is escaped on its own.</summary>
        private static string TrackingPath(TrackingIdentity tracking) =>
            "trackings/" + Uri.EscapeDataString(tracking.CarrierCode) + "/" + Uri.EscapeDataString(tracking.TrackingNumber);

        /// <summary>Only the identity is sent, whatever subclass the caller holds.</summary>
        private static List<TrackingIdentity> Identities(IReadOnlyList<TrackingIdentity> items)
        {
            var plain = new List<TrackingIdentity>(items.Count);
            foreach (var item in items) plain.Add(new TrackingIdentity(item.TrackingNumber, item.CarrierCode));
            return plain;
        }
    }
}
