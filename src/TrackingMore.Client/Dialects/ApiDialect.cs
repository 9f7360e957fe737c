using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects
{
    /// <summary>
    /// Everything one API version does its own way: where it lives (base path), the key header, the envelope (which
    /// codes are success, how HTTP statuses count, what each code means as a <see cref="FailureReason"/>), the
    /// endpoint catalogue (method, path, body and reader per <see cref="ApiOperation"/>), how a tracking is addressed,
    /// the paging model and the capabilities (batch size, page size, rate classes). The client, the transport, the
    /// bulk rules and the listing speak to this and to nothing of a version's wire; a version is one folder beside
    /// <c>V2</c> with one subclass, and one line in <see cref="For"/>.
    /// </summary>
    internal abstract class ApiDialect
    {
        /// <summary>The one place a version's dialect is chosen.</summary>
        public static ApiDialect For(ApiVersion version) => version switch
        {
            ApiVersion.V2 => V2.V2Dialect.Instance,
            ApiVersion.V4 => V4.V4Dialect.Instance,
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "Not an API version this client speaks."),
        };

        /// <summary>
        /// The key header of every version: redaction masks an echoed header under any of these names, whichever
        /// version a connection speaks (a proxy may echo either).
        /// </summary>
        public static readonly IReadOnlyList<string> EveryKeyHeader = new[] { V2.V2Dialect.KeyHeaderName, V4.V4Dialect.KeyHeaderName };

        public abstract ApiVersion Version { get; }

        /// <summary>The public service's root for this version, e.g. the API host plus the version's path.</summary>
        public abstract Uri PublicBaseUri { get; }

        /// <summary>The request header that carries the API key.</summary>
        public abstract string KeyHeader { get; }

        public abstract ApiCapabilities Capabilities { get; }

        // The envelope.

        /// <summary>The envelope's code, texts and data member; throws <see cref="System.Text.Json.JsonException"/> when the body is not JSON.</summary>
        public abstract Envelope ReadEnvelope(ReadOnlyMemory<byte> body);

        /// <summary>
        /// The envelope both versions use, {meta:{code, type, message}, data}: <c>meta.type</c> is null where a
        /// version sends none (v4). Without a <c>meta</c> the envelope has no code.
        /// </summary>
        protected static Envelope ReadMetaEnvelope(ReadOnlyMemory<byte> body)
        {
            var members = JsonSlices.Members(body, "meta", "data");
            if (members[0] is not { } metaBytes) return new Envelope(null, null, null, members[1]);
            using var metaDocument = JsonDocument.Parse(metaBytes);
            var meta = metaDocument.RootElement;
            return new Envelope(LooseJson.AsInt32(LooseJson.Property(meta, "code")), LooseJson.AsString(LooseJson.Property(meta, "type")),
                LooseJson.AsString(LooseJson.Property(meta, "message")), members[1]);
        }

        /// <summary>Where the envelope keeps its code, as a message names it ("meta.code").</summary>
        public abstract string EnvelopeCodeName { get; }

        /// <summary>Whether an envelope with a code, under this HTTP status, is a success.</summary>
        public abstract bool IsSuccess(int code, HttpStatusCode status);

        /// <summary>The code a failed envelope stands for (an envelope that claims success inside an HTTP error is that error).</summary>
        public abstract int FailureCode(int code, HttpStatusCode status);

        /// <summary>What a code (of the envelope, or of one item of a bulk answer) means.</summary>
        public abstract FailureReason ReasonOf(int code);

        /// <summary>Whether a failure's code is a gateway's 502, 503 or 504 (an answer the service may have given and lost).</summary>
        public abstract bool IsGatewayCode(int code);

        /// <summary>
        /// How long to wait after a rate-limit answer that carries no Retry-After, where the version says (v4: 120 s);
        /// null: the transport's back-off.
        /// </summary>
        public virtual TimeSpan? RateLimitedWait => null;

        // The endpoint catalogue: one request, with its reader, per operation. An operation a version lacks keeps the
        // base's method, which refuses it (the client checks the capabilities first, so it is never sent).

        public virtual DialectCall<Tracking> CreateTracking(NewTrackingRequest tracking) => throw Capabilities.NotSupported(ApiOperation.CreateTracking);
        public virtual DialectCall<BulkResult> CreateTrackings(IReadOnlyList<NewTrackingRequest> trackings) => throw Capabilities.NotSupported(ApiOperation.CreateTrackings);
        public virtual DialectCall<Tracking> GetTracking(TrackingIdentity tracking, string? language) => throw Capabilities.NotSupported(ApiOperation.GetTracking);
        public virtual DialectCall<TrackingPage> ListTrackings(TrackingListQuery query) => throw Capabilities.NotSupported(ApiOperation.ListTrackings);
        public virtual DialectCall<bool> DeleteTracking(TrackingIdentity tracking) => throw Capabilities.NotSupported(ApiOperation.DeleteTracking);
        public virtual DialectCall<BulkResult> DeleteTrackings(IReadOnlyList<TrackingIdentity> trackings) => throw Capabilities.NotSupported(ApiOperation.DeleteTrackings);
        public virtual DialectCall<Tracking> UpdateTracking(TrackingUpdateRequest changes) => throw Capabilities.NotSupported(ApiOperation.UpdateTracking);
        public virtual DialectCall<BulkResult> UpdateTrackings(IReadOnlyList<TrackingUpdateRequest> changes) => throw Capabilities.NotSupported(ApiOperation.UpdateTrackings);
        public virtual DialectCall<TrackingIdentity> ChangeCarrier(CarrierChangeRequest change) => throw Capabilities.NotSupported(ApiOperation.ChangeCarrier);
        public virtual DialectCall<BulkResult> StopUpdating(IReadOnlyList<TrackingIdentity> trackings) => throw Capabilities.NotSupported(ApiOperation.StopUpdating);
        public virtual DialectCall<Tracking> GetRealtimeTracking(RealtimeTrackingRequest tracking) => throw Capabilities.NotSupported(ApiOperation.GetRealtimeTracking);
        public virtual DialectCall<TrackingStatusCount> GetStatusCount(TrackingCountQuery query) => throw Capabilities.NotSupported(ApiOperation.GetStatusCount);
        public virtual DialectCall<TrackingAccount> GetAccount() => throw Capabilities.NotSupported(ApiOperation.GetAccount);
        public virtual DialectCall<IReadOnlyList<RemoteAreaResult?>> CheckRemoteAreas(IReadOnlyList<RemoteAreaRequest> places, Func<string?, string> redact) => throw Capabilities.NotSupported(ApiOperation.CheckRemoteAreas);
        public virtual DialectCall<IReadOnlyList<TransitTime?>> GetTransitTimes(IReadOnlyList<TransitTimeRequest> routes) => throw Capabilities.NotSupported(ApiOperation.GetTransitTimes);
        public virtual DialectCall<IReadOnlyList<AirWaybill?>> GetAirWaybills(IReadOnlyList<string> numbers, string? language) => throw Capabilities.NotSupported(ApiOperation.GetAirWaybills);
        public virtual DialectCall<IReadOnlyList<Carrier>> ListCarriers() => throw Capabilities.NotSupported(ApiOperation.ListCarriers);
        public virtual DialectCall<IReadOnlyList<DetectedCarrier>> DetectCarrier(string trackingNumber) => throw Capabilities.NotSupported(ApiOperation.DetectCarrier);

        /// <summary>The request of an operation as its catalogue entry gives it (method, endpoint text, rate class).</summary>
        protected ApiRequest Request(ApiOperation operation, HttpMethod method, string path, EndpointClass endpointClass = EndpointClass.Other) =>
            new ApiRequest(method, Capabilities.EndpointOf(operation), path, endpointClass);
    }

    /// <summary>What a version's envelope says: its code (null when it has none), its texts and its data member.</summary>
    internal readonly struct Envelope
    {
        public Envelope(int? code, string? type, string? message, ReadOnlyMemory<byte>? data)
        {
            Code = code;
            Type = type;
            Message = message;
            Data = data;
        }

        public int? Code { get; }
        public string? Type { get; }
        public string? Message { get; }
        public ReadOnlyMemory<byte>? Data { get; }
    }

    /// <summary>One request of a dialect and how its answer becomes the caller's type.</summary>
    internal sealed class DialectCall<T>
    {
        public DialectCall(ApiRequest request, Func<ApiResponse, T> read)
        {
            Request = request;
            Read = read;
        }

        public ApiRequest Request { get; }
        public Func<ApiResponse, T> Read { get; }
    }
}
