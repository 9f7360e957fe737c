using System;

namespace TrackingMore.Models
{
    /// <summary>The account behind the API key (GET /trackings/getuserinfo).</summary>
    public sealed class TrackingAccount
    {
        public string? Email { get; internal set; }

        /// <summary>When the account was registered (the API's regtime, unix seconds sent as a string).</summary>
        public DateTimeOffset? RegisteredAt { get; internal set; }

        public string? Phone { get; internal set; }

        /// <summary>The account's balance (the API's money), in the account's currency.</summary>
        public decimal? Balance { get; internal set; }

        /// <summary>Trackings the account may still create (the API's track_number).</summary>
        public long? QuotaLeft { get; internal set; }

        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() => Email + " (quota left: " + QuotaLeft + ")";
    }

    /// <summary>How many of the account's trackings are in each status (GET /trackings/getstatusnumber).</summary>
    public sealed class TrackingStatusCount
    {
        public int Pending { get; internal set; }
        public int NotFound { get; internal set; }
        public int Transit { get; internal set; }
        public int Pickup { get; internal set; }
        public int Delivered { get; internal set; }
        public int Undelivered { get; internal set; }
        public int Exception { get; internal set; }
        public int Expired { get; internal set; }

        /// <summary>The sum of the statuses above.</summary>
        public int Total => Pending + NotFound + Transit + Pickup + Delivered + Undelivered + Exception + Expired;

        /// <summary>Counts under names this module does not know (a status the API added later).</summary>
        /// <summary>Fields the API sent that this model has no property for; see <see cref="Models.AdditionalProperties"/>.</summary>
        public AdditionalProperties GetAdditionalProperties() => AdditionalProperties;

        internal AdditionalProperties AdditionalProperties { get; } = new AdditionalProperties();

        public override string ToString() =>
            Total + " trackings: " + Pending + " pending, " + NotFound + " not found, " + Transit + " in transit, " +
            Pickup + " pickup, " + Delivered + " delivered, " + Undelivered + " undelivered, " + Exception + " exception, " +
            Expired + " expired";
    }
}
