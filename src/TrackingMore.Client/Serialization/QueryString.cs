using System;
using System.Globalization;
using System.Text;

namespace TrackingMore.Serialization
{
    /// <summary>Builds a query string from the filters that are set; unset ones are not sent, values are escaped.</summary>
    internal sealed class QueryString
    {
        private readonly StringBuilder _text = new StringBuilder();

        public QueryString Add(string name, long? value) =>
            value.HasValue ? Add(name, value.Value.ToString(CultureInfo.InvariantCulture)) : this;

        public QueryString Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
                _text.Append(_text.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            return this;
        }

        /// <summary>A list filter's values joined with commas; null for none; more than the version takes is refused before sending.</summary>
        public static string? JoinValues(System.Collections.Generic.IReadOnlyList<string>? values, string name, int maxListValues)
        {
            if (values is null || values.Count == 0) return null;
            if (values.Count > maxListValues)
                throw new ArgumentException("The API takes at most " + maxListValues + " values in " + name + "; got " + values.Count + ".", name);
            return string.Join(",", values);
        }

        public override string ToString() => _text.ToString();
    }
}
