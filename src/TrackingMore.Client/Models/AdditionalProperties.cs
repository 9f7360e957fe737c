using System;
using System.Collections.Generic;
using System.Linq;

namespace TrackingMore.Models
{
    /// <summary>
    /// Fields the API sent that this module has no property for, kept rather than dropped. Prints as
    /// <c>name=value; ...</c>. A model hands it out through <c>GetAdditionalProperties()</c>, a method rather than a
    /// property, so that <c>Export-Csv</c> and <c>Select-Object *</c>, which take every public property, give no
    /// column that is empty on nearly every row. In PowerShell it is the hidden property <c>AdditionalProperties</c>
    /// (TrackingMore.Types.ps1xml): <c>$tracking.AdditionalProperties</c> reads it, remoting and
    /// <c>Export-Clixml</c> carry it, <c>Get-Member -Force</c> shows it.
    /// </summary>
    public sealed class AdditionalProperties : Dictionary<string, object?>
    {
        public AdditionalProperties() : base(StringComparer.Ordinal)
        {
        }

        public override string ToString() => string.Join("; ", this.Select(pair => pair.Key + "=" + pair.Value));
    }
}
