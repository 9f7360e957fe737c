using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V2
{
    /// <summary>
    /// v2's request bodies. The public request types carry no wire names: this table gives each of their properties
    /// its v2 name (and, where the wire form is not JSON's own, its converter), applied to the source-generated
    /// contracts. A public property missing from the table fails the first body that carries it, so a field added
    /// to a request cannot go out under a name nobody chose. Fields left null are not sent (the API treats a sent
    /// null differently from an absent field).
    /// </summary>
    internal static class V2RequestJson
    {
        /// <summary>The order and customer fields that creating and changing a tracking both carry, under the same v2 names (declared first: the table below reads it as it is built).</summary>
        private static readonly (string Property, string Name)[] OrderFields =
        {
            (nameof(NewTrackingRequest.Title), "title"),
            (nameof(NewTrackingRequest.LogisticsChannel), "logistics_channel"),
            (nameof(NewTrackingRequest.CustomerName), "customer_name"),
            (nameof(NewTrackingRequest.CustomerEmail), "customer_email"),
            (nameof(NewTrackingRequest.CustomerPhone), "customer_phone"),
            (nameof(NewTrackingRequest.OrderId), "order_id"),
        };

        private static readonly Dictionary<(Type, string), (string Name, JsonConverter? Converter)> Fields = WithOrderFields(new Dictionary<(Type, string), (string, JsonConverter?)>
        {
            [(typeof(TrackingIdentity), nameof(TrackingIdentity.TrackingNumber))] = ("tracking_number", null),
            [(typeof(TrackingIdentity), nameof(TrackingIdentity.CarrierCode))] = ("carrier_code", null),

            [(typeof(ShipmentDetails), nameof(ShipmentDetails.DestinationCode))] = ("destination_code", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.ShipDate))] = ("tracking_ship_date", new ApiDayConverter()),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.PostalCode))] = ("tracking_postal_code", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.AccountNumber))] = ("tracking_account_number", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.OrderCreateTime))] = ("order_create_time", new ApiLocalTimeConverter()),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.Language))] = ("lang", null),

            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.DestinationCountry))] = ("tracking_destination_country", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.AutoCorrect))] = ("auto_correct", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.Comment))] = ("comment", null),

            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.DestinationCode))] = ("destination_code", null),
            // PUT's archived takes the strings "true"/"false"; the status goes as v2's number (4, 7, 8).
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.Archived))] = ("archived", new BooleanAsStringConverter()),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.Status))] = ("status", new V2StatusChangeConverter()),

            [(typeof(CarrierChangeRequest), nameof(CarrierChangeRequest.NewCarrierCode))] = ("update_carrier_code", null),

            [(typeof(RealtimeTrackingRequest), nameof(RealtimeTrackingRequest.SpecialNumberDestination))] = ("specialNumberDestination", null),
            [(typeof(RealtimeTrackingRequest), nameof(RealtimeTrackingRequest.Order))] = ("order", null),

            [(typeof(RemoteAreaRequest), nameof(RemoteAreaRequest.Country))] = ("country", null),
            [(typeof(RemoteAreaRequest), nameof(RemoteAreaRequest.PostalCode))] = ("postcode", null),
            [(typeof(RemoteAreaRequest), nameof(RemoteAreaRequest.Carrier))] = ("company", null),

            [(typeof(TransitTimeRequest), nameof(TransitTimeRequest.CarrierCode))] = ("carrier_code", null),
            [(typeof(TransitTimeRequest), nameof(TransitTimeRequest.Origin))] = ("original", null),
            [(typeof(TransitTimeRequest), nameof(TransitTimeRequest.Destination))] = ("destination", null),
        });

        private static Dictionary<(Type, string), (string, JsonConverter?)> WithOrderFields(Dictionary<(Type, string), (string, JsonConverter?)> fields)
        {
            foreach (var type in new[] { typeof(NewTrackingRequest), typeof(TrackingUpdateRequest) })
            {
                foreach (var (property, name) in OrderFields) fields[(type, property)] = (name, null);
            }
            return fields;
        }

        private static readonly RequestWireNames WireNames = new RequestWireNames(Fields, typeof(V2RequestJson));

        // Built on first use, not in a static initializer: the generated half of the context may not have set its
        // own fields yet. Two threads racing here build equal options, so no lock is needed.
        private static JsonSerializerOptions? _options;
        private static JsonSerializerOptions? _changesOnly;

        private static JsonSerializerOptions Options => _options ??= new JsonSerializerOptions(V2JsonContext.Default.Options)
        {
            TypeInfoResolver = V2JsonContext.Default.WithAddedModifier(WireNames.Apply),
        };

        /// <summary>
        /// PUT /trackings/{carrier}/{number} names the tracking in its path, so its body is a
        /// <see cref="TrackingUpdateRequest"/> without tracking_number and carrier_code.
        /// </summary>
        private static JsonSerializerOptions ChangesOnlyOptions => _changesOnly ??= new JsonSerializerOptions(V2JsonContext.Default.Options)
        {
            TypeInfoResolver = V2JsonContext.Default.WithAddedModifier(WireNames.Apply)
                .WithAddedModifier(RequestWireNames.Without(typeof(TrackingUpdateRequest), "tracking_number", "carrier_code")),
        };

        public static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

        public static byte[] ChangesOnly(TrackingUpdateRequest changes) =>
            JsonSerializer.SerializeToUtf8Bytes(changes, (JsonTypeInfo<TrackingUpdateRequest>)ChangesOnlyOptions.GetTypeInfo(typeof(TrackingUpdateRequest)));
    }

    /// <summary>A status set by hand as v2 numbers it: delivered 4, exception 7, back to the carrier's 8.</summary>
    internal sealed class V2StatusChangeConverter : RequestFieldConverter<TrackingStatusChange?>
    {
        public override void Write(Utf8JsonWriter writer, TrackingStatusChange? value, JsonSerializerOptions options) => writer.WriteNumberValue(value switch
        {
            TrackingStatusChange.Delivered => 4,
            TrackingStatusChange.Exception => 7,
            TrackingStatusChange.Restore => 8,
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Not a status v2 lets a user set."),
        });
    }

    /// <summary>The source-generated contracts of v2's bodies; named by <see cref="V2RequestJson"/>, never used alone.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
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
    internal sealed partial class V2JsonContext : JsonSerializerContext
    {
    }

    /// <summary>The body of POST /carriers/detect.</summary>
    internal sealed class CarrierDetectionRequest
    {
        public CarrierDetectionRequest(string trackingNumber) => TrackingNumber = trackingNumber;

        [JsonPropertyName("tracking_number")] public string TrackingNumber { get; }
    }

    /// <summary>The body of POST /trackings/aircargo.</summary>
    internal sealed class AirWaybillRequest
    {
        public AirWaybillRequest(IReadOnlyList<string> numbers, string? language)
        {
            Numbers = numbers;
            Language = language;
        }

        [JsonPropertyName("track_number")] public IReadOnlyList<string> Numbers { get; }
        [JsonPropertyName("lang")] public string? Language { get; }
    }
}
