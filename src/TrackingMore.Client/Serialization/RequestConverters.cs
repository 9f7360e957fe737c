using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Converters for request fields whose wire form is not JSON's own (a dialect's body table picks them; nulls are
    /// never sent, so they only see values). Requests are only ever written, so reading refuses rather than guessing
    /// at a shape nothing sends.
    /// </summary>
    internal abstract class RequestFieldConverter<T> : JsonConverter<T>
    {
        public sealed override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException(GetType().Name + " only writes request bodies.");
    }

    /// <summary>A boolean as the string "true"/"false": PUT's archived takes strings, not JSON booleans.</summary>
    internal sealed class BooleanAsStringConverter : RequestFieldConverter<bool?>
    {
        public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value == true ? "true" : "false");
    }

    /// <summary>A day as "yyyyMMdd" (tracking_ship_date).</summary>
    internal sealed class ApiDayConverter : RequestFieldConverter<DateTime?>
    {
        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ApiDates.ToApiDayText(value!.Value));
    }

    /// <summary>A wall-clock time as "yyyy-MM-dd HH:mm", the way the API prints order_create_time back.</summary>
    internal sealed class ApiLocalTimeConverter : RequestFieldConverter<DateTime?>
    {
        public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(ApiDates.ToApiLocalText(value!.Value));
    }

    /// <summary>A number as its decimal text: every field of v4's create body is a string (auto_correct too).</summary>
    internal sealed class Int32AsStringConverter : RequestFieldConverter<int?>
    {
        public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
