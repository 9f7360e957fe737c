namespace TrackingMore.Models
{
    /// <summary>A carrier the API knows (GET /carriers). <see cref="Code"/> is what -CarrierCode takes.</summary>
    public sealed class Carrier
    {
        public string? Name { get; internal set; }
        public string? Code { get; internal set; }
        public string? Phone { get; internal set; }

        /// <summary>An absolute URL: the API's scheme-less "//host/" is given https.</summary>
        public string? Homepage { get; internal set; }

        /// <summary>The kind of carrier as the API names it: express, globalpost, ...</summary>
        public string? Type { get; internal set; }

        /// <summary>The carrier's logo, an absolute URL like <see cref="Homepage"/>.</summary>
        public string? Picture { get; internal set; }

        /// <summary>The carrier's country, when the API sends one.</summary>
        public string? Country { get; internal set; }

        /// <summary>
        /// What this carrier needs besides the number to track a shipment (v4's tracking_required_fields, e.g.
        /// "tracking_postal_code"), joined with ", "; null where the version does not say (v2).
        /// </summary>
        public string? RequiredFields { get; internal set; }

        /// <summary>What this carrier can use besides the number (v4's optional_fields), joined with ", ".</summary>
        public string? OptionalFields { get; internal set; }

        /// <summary>The language this carrier's events come in unless another is asked for (v4).</summary>
        public string? DefaultLanguage { get; internal set; }

        /// <summary>The languages this carrier's events can be asked in (v4's support_language), joined with ", ".</summary>
        public string? Languages { get; internal set; }

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => Code + " - " + Name;
    }

    /// <summary>
    /// A carrier POST /carriers/detect suggests for a tracking number. Carries the number and the code under the
    /// names New-Tracking binds, so <c>Find-TrackingCarrier $n | Select-Object -First 1 | New-Tracking</c> works.
    /// </summary>
    public sealed class DetectedCarrier
    {
        public string? TrackingNumber { get; internal set; }
        public string? CarrierCode { get; internal set; }
        public string? Name { get; internal set; }

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => TrackingNumber + " (" + CarrierCode + ")";
    }
}
