using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackingMore.Models
{
    /// <summary>
    /// Fields the API sent that this module has no property for, kept rather than dropped. Prints as
    /// <c>name=value; ...</c> so a CSV cell shows the data, not a type name.
    /// </summary>
    public sealed class AdditionalProperties : Dictionary<string, object?>
    {
        public AdditionalProperties() : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));
    }
}
