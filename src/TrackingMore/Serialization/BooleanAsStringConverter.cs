using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TrackingMore.Serialization
{
    /// <summary>Writes a boolean as the string "true"/"false": PUT's archived takes strings, not JSON booleans.</summary>
    internal sealed class BooleanAsStringConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? string.Equals(reader.GetString(), "true", StringComparison.OrdinalIgnoreCase)
                : reader.GetBoolean();

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value ? "true" : "false");
    }
}
