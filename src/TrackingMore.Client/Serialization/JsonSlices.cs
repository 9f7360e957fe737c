using System;
using System.Collections.Generic;
using System.Text.Json;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Finds values inside UTF-8 JSON without building a document over all of it: a page of 2000 trackings is
    /// several megabytes, and a <see cref="JsonDocument"/> over it rents a metadata buffer as large from the shared
    /// array pool, which keeps such buffers per thread for the process's life (a long -All grew by tens of MB with
    /// them). Here the bytes are only scanned; each small value found is parsed on its own.
    /// <para>The scan checks the whole text, as <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/>
    /// would: anything that is not one JSON value throws <see cref="JsonException"/>.</para>
    /// </summary>
    internal static class JsonSlices
    {
        /// <summary>
        /// The bytes of each named member of the object <paramref name="json"/> is, in the order of
        /// <paramref name="names"/>; null for a member it lacks, and all null when it is not an object. A name given
        /// twice counts where it last appears, as <see cref="JsonElement.TryGetProperty(string, out JsonElement)"/> does.
        /// </summary>
        /// <exception cref="JsonException">The bytes are not one JSON value.</exception>
        public static ReadOnlyMemory<byte>?[] Members(ReadOnlyMemory<byte> json, params string[] names)
        {
            var found = new ReadOnlyMemory<byte>?[names.Length];
            var reader = new Utf8JsonReader(json.Span, new JsonReaderOptions());
            if (!reader.Read()) throw new JsonException("The text holds no JSON value.");
            if (reader.TokenType != JsonTokenType.StartObject) reader.Skip();
            else
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var index = -1;
                    for (var i = 0; i < names.Length && index < 0; i++)
                        if (reader.ValueTextEquals(names[i])) index = i;
                    reader.Read();
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    if (index >= 0) found[index] = json.Slice(start, (int)reader.BytesConsumed - start);
                }
            }
            // Nothing may follow the value (the reader throws on anything but white space).
            if (reader.Read()) throw new JsonException("More than one JSON value.");
            return found;
        }

        /// <summary>The kind of value <paramref name="json"/> is; <see cref="JsonValueKind.Undefined"/> for none.</summary>
        public static JsonValueKind Kind(ReadOnlyMemory<byte>? json)
        {
            if (json is not { } bytes) return JsonValueKind.Undefined;
            var reader = new Utf8JsonReader(bytes.Span);
            if (!reader.Read()) return JsonValueKind.Undefined;
            return reader.TokenType switch
            {
                JsonTokenType.StartObject => JsonValueKind.Object,
                JsonTokenType.StartArray => JsonValueKind.Array,
                JsonTokenType.String => JsonValueKind.String,
                JsonTokenType.Number => JsonValueKind.Number,
                JsonTokenType.True => JsonValueKind.True,
                JsonTokenType.False => JsonValueKind.False,
                _ => JsonValueKind.Null,
            };
        }

        /// <summary>True for <c>[]</c>, which the API sends for "nothing" where an object belongs.</summary>
        public static bool IsEmptyArray(ReadOnlyMemory<byte>? json)
        {
            if (json is not { } bytes) return false;
            var reader = new Utf8JsonReader(bytes.Span);
            return reader.Read() && reader.TokenType == JsonTokenType.StartArray && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
        }

        /// <summary>
        /// The bytes of each element of the array <paramref name="json"/> is (already checked whole by
        /// <see cref="Members"/> or the like), one at a time; nothing when it is not an array.
        /// </summary>
        public static IEnumerable<ReadOnlyMemory<byte>> Elements(ReadOnlyMemory<byte> json)
        {
            var offset = 0;
            var state = default(JsonReaderState);
            for (var first = true; ; first = false)
            {
                // A reader cannot live across a yield: each element starts a new one where the last stopped.
                var next = Next(json, ref offset, ref state, first);
                if (next is not { } element) yield break;
                yield return element;
            }
        }

        private static ReadOnlyMemory<byte>? Next(ReadOnlyMemory<byte> json, ref int offset, ref JsonReaderState state, bool first)
        {
            var reader = new Utf8JsonReader(json.Span.Slice(offset), isFinalBlock: true, state);
            if (first && (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)) return null;
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray) return null;
            var start = offset + (int)reader.TokenStartIndex;
            reader.Skip();
            var element = json.Slice(start, offset + (int)reader.BytesConsumed - start);
            offset += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            return element;
        }
    }
}
