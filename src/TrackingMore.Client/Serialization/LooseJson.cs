using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace TrackingMore.Serialization
{
    /// <summary>
    /// Readers for the API's loosely typed values. The live service sends the same field as a string, a number,
    /// <c>null</c>, <c>""</c> or an array depending on the record (api-v2.md); each reader takes what it can use and
    /// returns null for anything else, so one odd field never costs the user a whole page.
    /// <para>Every text is read through <see cref="ServerText"/>: a server's control characters (ESC, BEL, CR) never
    /// reach a model, so no table, list, completion or CSV cell built from one can rewrite the terminal, whatever
    /// $PSStyle.OutputRendering says.</para>
    /// </summary>
    internal static class LooseJson
    {
        /// <summary>Text of a scalar; arrays of scalars are joined with ", "; objects give null.</summary>
        public static string? AsString(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return ServerText(value.GetString());
                case JsonValueKind.Number: return value.GetRawText();
                case JsonValueKind.True: return "true";
                case JsonValueKind.False: return "false";
                case JsonValueKind.Array:
                    var parts = new List<string>();
                    foreach (var item in value.EnumerateArray())
                    {
                        var text = AsString(item);
                        if (!string.IsNullOrEmpty(text)) parts.Add(text!);
                    }
                    return parts.Count == 0 ? null : string.Join(", ", parts);
                default: return null;
            }
        }

        /// <summary>
        /// Text a person typed (names, e-mails, order ids): empty becomes null, and so does the literal "null"
        /// that the service echoes back for fields it was sent as null (fixtures/create-sample.json).
        /// </summary>
        public static string? AsUserText(JsonElement value)
        {
            var text = AsString(value);
            return string.IsNullOrWhiteSpace(text) || text == "null" ? null : text;
        }

        public static long? AsInt64(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number:
                    if (value.TryGetInt64(out var whole)) return whole;
                    if (value.TryGetDouble(out var real) && real >= long.MinValue && real <= long.MaxValue) return (long)Math.Round(real);
                    return null;
                case JsonValueKind.String:
                    return long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (long?)null;
                default: return null;
            }
        }

        public static int? AsInt32(JsonElement value)
        {
            var wide = AsInt64(value);
            return wide is >= int.MinValue and <= int.MaxValue ? (int)wide.Value : (int?)null;
        }

        public static double? AsDouble(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number: return value.TryGetDouble(out var number) ? number : (double?)null;
                case JsonValueKind.String:
                    var text = value.GetString()?.Trim().TrimEnd('%');
                    return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (double?)null;
                default: return null;
            }
        }

        /// <summary>Money: a JSON number or a numeric string, read exactly (no binary rounding).</summary>
        public static decimal? AsDecimal(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.Number: return value.TryGetDecimal(out var number) ? number : (decimal?)null;
                case JsonValueKind.String:
                    return decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : (decimal?)null;
                default: return null;
            }
        }

        /// <summary>A share as a fraction: 0.25 stays 0.25, and the text "25%" becomes 0.25.</summary>
        public static double? AsRatio(JsonElement value)
        {
            var number = AsDouble(value);
            var percent = value.ValueKind == JsonValueKind.String && (value.GetString() ?? string.Empty).Trim().EndsWith("%", StringComparison.Ordinal);
            return percent ? number / 100 : number;
        }

        /// <summary>Booleans arrive as JSON booleans, as the strings "true"/"false" (PUT archived) or as 1/0.</summary>
        public static bool? AsBoolean(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Number: return AsInt64(value) is long number ? number != 0 : (bool?)null;
                case JsonValueKind.String:
                    var text = value.GetString();
                    if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1") return true;
                    if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0") return false;
                    return null;
                default: return null;
            }
        }

        /// <summary>
        /// A server's text as a model keeps it: each control character (C0, DEL, C1: ESC, BEL, CR, LF, TAB) becomes a
        /// space, as <see cref="Api.SecretText.Clean"/> does for messages. Format characters stay: they are part of
        /// names in some scripts (U+200C in Persian), and change no terminal. Identity fields lose nothing the
        /// service could hold: it refuses control characters in numbers (4014) and carrier codes are slugs.
        /// </summary>
        public static string? ServerText(string? text)
        {
            if (text == null) return null;
            var i = 0;
            while (i < text.Length && !char.IsControl(text[i])) i++;
            if (i == text.Length) return text;
            var chars = text.ToCharArray();
            for (; i < chars.Length; i++)
                if (char.IsControl(chars[i])) chars[i] = ' ';
            return new string(chars);
        }

        /// <summary>A property of an object, or default when the value is not an object or has no such property.</summary>
        public static JsonElement Property(JsonElement value, string name) =>
            value.ValueKind == JsonValueKind.Object && value.TryGetProperty(name, out var found) ? found : default;

        /// <summary>The items of an array; nothing for any other kind (the API sends "" or null for empty lists).</summary>
        public static IEnumerable<JsonElement> Items(JsonElement value) =>
            value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : (IEnumerable<JsonElement>)Array.Empty<JsonElement>();

        /// <summary>The objects of an array, or the value itself when the API sent one object where a list was expected.</summary>
        /// <remarks>Lazy, so a reader that bounds how many it takes never holds a hostile array's millions of elements.</remarks>
        public static IEnumerable<JsonElement> Objects(JsonElement value)
        {
            if (value.ValueKind == JsonValueKind.Object)
            {
                yield return value;
                yield break;
            }
            foreach (var item in Items(value))
                if (item.ValueKind == JsonValueKind.Object) yield return item;
        }

        /// <summary>A URL the API may send scheme-less ("//host/path"); such a one is given https.</summary>
        public static string? AsUrl(JsonElement value)
        {
            var text = AsUserText(value)?.Trim();
            return text != null && text.StartsWith("//", StringComparison.Ordinal) ? "https:" + text : text;
        }

        /// <summary>
        /// A field the module does not know, kept for the user as a plain .NET value: text, number, boolean, null,
        /// or the JSON text of an object or array.
        /// </summary>
        public static object? AsPlainValue(JsonElement value)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String: return ServerText(value.GetString());
                // The cast matters: without it ?: would make every whole number a double.
                case JsonValueKind.Number: return value.TryGetInt64(out var whole) ? (object)whole : value.GetDouble();
                case JsonValueKind.True: return true;
                case JsonValueKind.False: return false;
                case JsonValueKind.Object:
                case JsonValueKind.Array: return value.GetRawText();
                default: return null;
            }
        }
    }
}
