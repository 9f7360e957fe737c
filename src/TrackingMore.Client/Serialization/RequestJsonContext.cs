using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TrackingMore.Api;
using TrackingMore.Models;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Source-generated serializers for request bodies: no reflection at run time, and fields left null are not sent
    /// (the API treats a sent null differently from an absent field).
    /// </summary>
    // snake_case names the fields the models leave unannotated (TrackingIdentity's); every other field names itself.
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
    [JsonSerializable(typeof(NewTrackingRequest))]
    [JsonSerializable(typeof(List<NewTrackingRequest>))]
    [JsonSerializable(typeof(List<TrackingIdentity>))]
    [JsonSerializable(typeof(TrackingUpdateRequest))]
    [JsonSerializable(typeof(List<TrackingUpdateRequest>))]
    [JsonSerializable(typeof(CarrierChangeRequest))]
    [JsonSerializable(typeof(RealtimeTrackingRequest))]
    [JsonSerializable(typeof(CarrierDetectionRequest))]
    [JsonSerializable(typeof(List<RemoteAreaRequest>))]
    [JsonSerializable(typeof(List<TransitTimeRequest>))]
    [JsonSerializable(typeof(AirWaybillRequest))]
    internal sealed partial class RequestJsonContext : JsonSerializerContext
    {
        private static JsonTypeInfo<TrackingUpdateRequest>? _trackingChanges;

        /// <summary>
        /// PUT /trackings/{carrier}/{number} names the tracking in its path, so its body is a
        /// <see cref="TrackingUpdateRequest"/> without tracking_number and carrier_code. Built on first use, not in
        /// a static initializer: those of this half may run before the generated half has set its own fields.
        /// Two threads racing here build equal contracts, so no lock is needed.
        /// </summary>
        public static JsonTypeInfo<TrackingUpdateRequest> TrackingChanges => _trackingChanges ??= ChangesOnly();

        private static JsonTypeInfo<TrackingUpdateRequest> ChangesOnly()
        {
            var options = new JsonSerializerOptions(Default.Options)
            {
                TypeInfoResolver = Default.WithAddedModifier(contract =>
                {
                    if (contract.Type != typeof(TrackingUpdateRequest)) return;
                    for (var i = contract.Properties.Count - 1; i >= 0; i--)
                    {
                        if (contract.Properties[i].Name is "tracking_number" or "carrier_code") contract.Properties.RemoveAt(i);
                    }
                }),
            };
            return (JsonTypeInfo<TrackingUpdateRequest>)options.GetTypeInfo(typeof(TrackingUpdateRequest));
        }
    }
}
