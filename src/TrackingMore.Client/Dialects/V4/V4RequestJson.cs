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

            // Realtime is v4's create: the special-number destination and the order number under create's names.
            [(typeof(RealtimeTrackingRequest), nameof(RealtimeTrackingRequest.SpecialNumberDestination))] = ("tracking_destination_country", null),
            [(typeof(RealtimeTrackingRequest), nameof(RealtimeTrackingRequest.Order))] = ("order_number", null),

            // PUT /trackings/update/{id}: the id is in the path; number and courier are not sent (ChangesOnly).
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.Title))] = ("title", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.LogisticsChannel))] = ("logistics_channel", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.CustomerName))] = ("customer_name", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.CustomerEmail))] = ("customer_email", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.CustomerPhone))] = ("customer_sms", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.OrderId))] = ("order_id", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.DestinationCode))] = ("destination_country_iso2", null),
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.Archived))] = ("archived_status", new ArchivedStatusConverter()),
            // v4 cannot set a status by hand: the client refuses a request with one before anything is sent (ApiCapabilities.SetsStatusByHand).
            [(typeof(TrackingUpdateRequest), nameof(TrackingUpdateRequest.Status))] = ("status", null),
        };

        private static readonly RequestWireNames WireNames = new RequestWireNames(Fields, typeof(V4RequestJson));

        // Built on first use, as V2RequestJson's: the generated half of the context may not have set its fields yet.
        private static JsonSerializerOptions? _options;
        private static JsonSerializerOptions? _changesOnly;

        private static JsonSerializerOptions Options => _options ??= new JsonSerializerOptions(V4JsonContext.Default.Options)
        {
            TypeInfoResolver = V4JsonContext.Default.WithAddedModifier(WireNames.Apply),
        };

        private static JsonSerializerOptions ChangesOnlyOptions => _changesOnly ??= new JsonSerializerOptions(V4JsonContext.Default.Options)
        {
            TypeInfoResolver = V4JsonContext.Default.WithAddedModifier(WireNames.Apply)
                .WithAddedModifier(RequestWireNames.Without(typeof(TrackingUpdateRequest), "tracking_number", "courier_code")),
        };

        /// <summary>The body of PUT /trackings/update/{id}: the changes without number and courier.</summary>
        public static byte[] ChangesOnly(TrackingUpdateRequest changes) =>
            JsonSerializer.SerializeToUtf8Bytes(changes, (JsonTypeInfo<TrackingUpdateRequest>)ChangesOnlyOptions.GetTypeInfo(typeof(TrackingUpdateRequest)));

        public static byte[] Serialize<T>(T body) => JsonSerializer.SerializeToUtf8Bytes(body, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
    }

    /// <summary>The source-generated contracts of v4's bodies; named by <see cref="V4RequestJson"/>, never used alone.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(NewTrackingRequest))]
    [JsonSerializable(typeof(List<NewTrackingRequest>))]
    [JsonSerializable(typeof(TrackingUpdateRequest))]
    [JsonSerializable(typeof(RealtimeTrackingRequest))]
    [JsonSerializable(typeof(V4CarrierChange))]
    [JsonSerializable(typeof(V4AirWaybillRequest))]
    // POST /couriers/detect takes {"tracking_number"} as v2's POST /carriers/detect does.
    [JsonSerializable(typeof(V2.CarrierDetectionRequest))]
    internal sealed partial class V4JsonContext : JsonSerializerContext
    {
    }

    /// <summary>Archived as v4's archived_status: "archived", or "tracking" to bring it back.</summary>
    internal sealed class ArchivedStatusConverter : RequestFieldConverter<bool?>
    {
        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value == true ? "archived" : "tracking");
    }

    /// <summary>The body of PUT /trackings/update/{id} that moves a tracking to another courier.</summary>
    internal sealed class V4CarrierChange
    {
        public V4CarrierChange(string newCarrierCode) => NewCarrierCode = newCarrierCode;

        [JsonPropertyName("courier_code_new")] public string NewCarrierCode { get; }
    }

    /// <summary>The body of POST /awb: one number (v4 has no language for it).</summary>
    internal sealed class V4AirWaybillRequest
    {
        public V4AirWaybillRequest(string number) => Number = number;

        [JsonPropertyName("awb_number")] public string Number { get; }
    }
}
