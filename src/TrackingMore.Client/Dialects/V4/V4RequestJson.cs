using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TrackingMore.Api;
using TrackingMore.Models;
using TrackingMore.Serialization;

namespace TrackingMore.Dialects.V4
{
    /// <summary>
    /// v4's request bodies (api-v4.md's endpoint table): the public request types under v4's wire names, every value
    /// a string. Batch create is a bare array of create objects. Fields left null are not sent.
    /// </summary>
    internal static class V4RequestJson
    {
        private static readonly Dictionary<(Type, string), (string Name, JsonConverter? Converter)> Fields = new Dictionary<(Type, string), (string, JsonConverter?)>
        {
            [(typeof(TrackingIdentity), nameof(TrackingIdentity.TrackingNumber))] = ("tracking_number", null),
            [(typeof(TrackingIdentity), nameof(TrackingIdentity.CarrierCode))] = ("courier_code", null),

            [(typeof(ShipmentDetails), nameof(ShipmentDetails.DestinationCode))] = ("destination_country_iso2", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.ShipDate))] = ("tracking_ship_date", new ApiDayConverter()),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.PostalCode))] = ("tracking_postal_code", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.AccountNumber))] = ("tracking_courier_account", null),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.OrderCreateTime))] = ("order_date", new ApiLocalTimeConverter()),
            [(typeof(ShipmentDetails), nameof(ShipmentDetails.Language))] = ("language", null),

            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.Title))] = ("title", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.LogisticsChannel))] = ("logistics_channel", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.CustomerName))] = ("customer_name", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.CustomerEmail))] = ("customer_email", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.CustomerPhone))] = ("customer_sms", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.OrderId))] = ("order_id", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.DestinationCountry))] = ("tracking_destination_country", null),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.AutoCorrect))] = ("auto_correct", new Int32AsStringConverter()),
            [(typeof(NewTrackingRequest), nameof(NewTrackingRequest.Comment))] = ("note", null),
        };

        private static readonly RequestWireNames WireNames = new RequestWireNames(Fields, typeof(V4RequestJson));

        // Built on first use, as V2RequestJson's: the generated half of the context may not have set its fields yet.
        private static JsonSerializerOptions? _options;

        private static JsonSerializerOptions Options => _options ??= new JsonSerializerOptions(V4JsonContext.Default.Options)
        {
            TypeInfoResolver = V4JsonContext.Default.WithAddedModifier(WireNames.Apply),
        };

        public static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
    }

    /// <summary>The source-generated contracts of v4's bodies; named by <see cref="V4RequestJson"/>, never used alone.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(NewTrackingRequest))]
    [JsonSerializable(typeof(List<NewTrackingRequest>))]
    // POST /couriers/detect takes {"tracking_number"} as v2's POST /carriers/detect does.
    [JsonSerializable(typeof(V2.CarrierDetectionRequest))]
    internal sealed partial class V4JsonContext : JsonSerializerContext
    {
    }
}
