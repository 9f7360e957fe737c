using System;
using System.Collections.Generic;
using System.Text.Json;
using TrackingMore.Models;

namespace TrackingMore.Serialization
{
    /// <summary>Reads one wire field into a model.</summary>
    internal delegate void FieldReader<in T>(T target, JsonElement value);

    /// <summary>Tables from wire names to properties: how each API version spells the same model.</summary>
    internal static class FieldTable
    {
        /// <summary>A table keyed by exact wire name, as the API's JSON is case-sensitive.</summary>
        public static Dictionary<string, FieldReader<T>> Create<T>() => new Dictionary<string, FieldReader<T>>(StringComparer.Ordinal);

        /// <summary>Fills <paramref name="target"/> from an object's fields; a field the table lacks is kept in <paramref name="unknown"/>.</summary>
        public static T Fill<T>(JsonElement item, IReadOnlyDictionary<string, FieldReader<T>> fields, T target, AdditionalProperties unknown)
        {
            foreach (var field in item.EnumerateObject())
            {
                if (fields.TryGetValue(field.Name, out var read)) read(target, field.Value);
                else unknown[LooseJson.ServerText(field.Name)!] = LooseJson.AsPlainValue(field.Value);
            }
            return target;
        }
    }

    /// <summary>
    /// How one API version spells a tracking object: which wire field fills which property of the models, for the
    /// tracking itself, each carrier's leg (<c>origin_info</c>, <c>destination_info</c>) and each checkpoint.
    /// <see cref="TrackingReader"/> walks an object once with it; the versions differ only in their tables
    /// (<c>Dialects/V2/V2TrackingSchema</c>, <c>Dialects/V4/V4TrackingSchema</c>), so both read with the same
    /// tolerance and a field neither knows is kept in AdditionalProperties the same way.
    /// </summary>
    internal sealed class TrackingSchema
    {
        public TrackingSchema(
            IReadOnlyDictionary<string, FieldReader<Tracking>> trackingFields,
            string originInfo,
            string destinationInfo,
            IReadOnlyDictionary<string, FieldReader<CarrierLeg>> legFields,
            string legCheckpoints,
            IReadOnlyDictionary<string, FieldReader<TrackingEvent>> checkpointFields)
        {
            TrackingFields = trackingFields;
            OriginInfo = originInfo;
            DestinationInfo = destinationInfo;
            LegFields = legFields;
            LegCheckpoints = legCheckpoints;
            CheckpointFields = checkpointFields;
        }

        public IReadOnlyDictionary<string, FieldReader<Tracking>> TrackingFields { get; }
        public string OriginInfo { get; }
        public string DestinationInfo { get; }
        public IReadOnlyDictionary<string, FieldReader<CarrierLeg>> LegFields { get; }

        /// <summary>The list of checkpoints inside a leg, newest first.</summary>
        public string LegCheckpoints { get; }

        public IReadOnlyDictionary<string, FieldReader<TrackingEvent>> CheckpointFields { get; }

        /// <summary>
        /// A status field: a text this module does not know reads as <see cref="TrackingStatus.Unknown"/> and is kept
        /// under its wire name, so a status the service adds later is not lost.
        /// </summary>
        public static FieldReader<Tracking> Status(string wireName) => (tracking, value) =>
        {
            var text = LooseJson.AsString(value);
            tracking.Status = TrackingStatusText.Parse(text);
            if (tracking.Status == TrackingStatus.Unknown && text != null) tracking.AdditionalProperties[wireName] = text;
        };
    }

    /// <summary>How a version spells a bulk answer: the list of trackings done, the list of items refused and a refusal's fields.</summary>
    internal sealed class BulkAnswerSchema
    {
        public BulkAnswerSchema(string done, string refused, string trackingNumber, string carrierCode, string code, string message)
        {
            Done = done;
            Refused = refused;
            TrackingNumber = trackingNumber;
            CarrierCode = carrierCode;
            Code = code;
            Message = message;
        }

        public string Done { get; }
        public string Refused { get; }
        public string TrackingNumber { get; }
        public string CarrierCode { get; }
        public string Code { get; }
        public string Message { get; }
    }
}
