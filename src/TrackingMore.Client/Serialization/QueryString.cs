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

        public override string ToString() => _text.ToString();
    }
}
