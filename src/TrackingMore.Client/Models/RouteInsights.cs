namespace TrackingMore.Models
{
    /// <summary>
    /// Whether a destination is a remote area for a carrier (POST /trackings/remote). One per place asked about:
    /// <see cref="Country"/>, <see cref="PostalCode"/> and <see cref="Carrier"/> are what was asked, the rest the answer.
    /// </summary>
    public sealed class RemoteAreaResult
    {
        public string? Country { get; internal set; }
        public string? PostalCode { get; internal set; }
        public string? Carrier { get; internal set; }
        public bool IsRemote { get; internal set; }

        /// <summary>The carriers that count the place as remote (far_express_company), comma-separated.</summary>
        public string? RemoteCarrier { get; internal set; }

        /// <summary>The country's ISO code as the API answered it (two_code).</summary>
        public string? CountryCode { get; internal set; }

        /// <summary>Why the service could not check the place (its "other" list), or null; the client makes it the place's failure.</summary>
        internal string? Refusal { get; set; }

        public override string ToString() =>
            PostalCode + " " + Country + (IsRemote ? ": remote for " + RemoteCarrier : ": not remote");
    }

    /// <summary>
    /// How long a carrier takes between two countries (POST /trackings/costtime). The ratios are fractions of the
    /// samples (0.25 = 25 %); the API's "25%" texts are read as such.
    /// </summary>
    public sealed class TransitTime
    {
        public string? CarrierCode { get; internal set; }

        /// <summary>ISO code of the origin country.</summary>
        public string? Origin { get; internal set; }

        /// <summary>ISO code of the destination country.</summary>
        public string? Destination { get; internal set; }

        /// <summary>Shipments the figures are drawn from (the API's total).</summary>
        public long? Samples { get; internal set; }

        /// <summary>The share of the samples delivered at all.</summary>
        public double? DeliveredRatio { get; internal set; }
        public double? Within7Days { get; internal set; }
        public double? Days7To15 { get; internal set; }
        public double? Days16To30 { get; internal set; }
        public double? Days31To60 { get; internal set; }
        public double? Over60Days { get; internal set; }

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => CarrierCode + " " + Origin + "->" + Destination + " (" + Samples + " samples)";
    }
}
