namespace TrackingMore.Emulator;

/// <summary>The eight v2 statuses, in the order the API lists them.</summary>
internal enum Status : byte { Pending, NotFound, Transit, Pickup, Delivered, Undelivered, Exception, Expired }

/// <summary>How a shipment's story ends. Chosen at creation; can be forced with "emulator:&lt;outcome&gt;".</summary>
internal enum Outcome : byte { Delivered, Undelivered, Exception, Expired, NotFound }

/// <summary>Checkpoint kinds. The order is the order along a route.</summary>
internal enum EventKind : byte
{
    Accepted, OriginHub, Dispatched, DepartedAirport, ArrivedAbroad, Customs,
    DestinationHub, DestinationArrived, OutForDelivery, Delivered, AttemptFailed, Exception,
}

/// <summary>Loose real-world shapes a seeded tracking shows (the module must cope with all of them).</summary>
[Flags]
internal enum Quirks : byte
{
    None = 0,
    DatesWithSeconds = 1,
    NoCheckpointStatus = 2,     // old-style trackinfo items: only Date, StatusDescription, Details
    ItemTimeLengthNull = 4,
    DestinationInfoNull = 8,    // for one-leg routes: destination_info null ...
    DestinationInfoEmpty = 16,  // ... or "" ...
    DestinationInfoAbsent = 32, // ... or no property at all (otherwise an object with an empty trackinfo)
}

internal static class StatusNames
{
    private static readonly string[] Names =
        ["pending", "notfound", "transit", "pickup", "delivered", "undelivered", "exception", "expired"];

    public static string Name(this Status s) => Names[(int)s];

    public static bool TryParse(string? s, out Status status)
    {
        var i = s is null ? -1 : Array.IndexOf(Names, s.Trim().ToLowerInvariant());
        status = i < 0 ? default : (Status)i;
        return i >= 0;
    }

    public static bool IsFinal(this Status s) =>
        s is Status.Delivered or Status.Undelivered or Status.Exception or Status.Expired;

    public static int Count => Names.Length;
}

/// <summary>Dictionary key: the API identifies a tracking by carrier code and number.</summary>
internal readonly record struct TrackingKey(short Carrier, string Number);

/// <summary>
/// The fields a user sets. Immutable: edits swap the whole object, so a reader rendering outside the store lock
/// never sees half an edit. <see cref="CustomerEmail"/> is a string, a string[] or null, as in the real data;
/// <see cref="OrderCreateTime"/> is a string, the integer 0 (boxed long) or null.
/// </summary>
internal sealed record TrackingFields
{
    public string? Title { get; init; }
    public string? LogisticsChannel { get; init; }
    public string? CustomerName { get; init; }
    public object? CustomerEmail { get; init; }
    public string? CustomerPhone { get; init; }
    public string? OrderId { get; init; }
    public object? OrderCreateTime { get; init; }
    public string? Comment { get; init; }
    public string? DestinationCode { get; init; }

    // Fields only v4 reads and writes (v2 neither shows nor changes them).
    public string? OrderNumber { get; init; }
    public string? OriginCode { get; init; }
    public string? RecipientPostcode { get; init; }
    public string? Label { get; init; }
    public string? Language { get; init; }
    public string? TrackingPostalCode { get; init; }
    public string? TrackingShipDate { get; init; }
    public string? TrackingDestinationCountry { get; init; }
    public string? TrackingOriginCountry { get; init; }
    public string? TrackingKey { get; init; }
    public string? TrackingCourierAccount { get; init; }
}

/// <summary>
/// One tracking, kept compact (about 250 bytes with its route) so that 200,000 seeded ones fit easily.
/// Everything visible about the shipment's progress is computed from the route and the clock (see
/// <see cref="Simulation"/>); checkpoint texts and seeded customer fields are derived from <see cref="Seed"/> on render.
/// Mutable fields are only written under the store lock.
/// </summary>
internal sealed class StoredTracking
{
    public required string Number;
    public required ulong IdHigh;
    public required ulong IdLow;
    public required long CreatedAt;           // simulated unix seconds
    public required uint Seed;                // drives texts and seeded fields
    public short Carrier;                     // carrier_code; also the carrier of the origin leg
    public short DestinationCarrier;          // -1: one-leg route
    public byte OriginCountry;
    public byte DestinationCountry;
    public Outcome Outcome;
    public Quirks Quirks;
    public int FirstQueryDelay;               // seconds after creation before the first carrier query (pending until then)
    public long RouteStart;                   // simulated unix seconds of route offset 0
    public required uint[] Events;            // (offset minutes << 8) | (kind << 4) | variant, in time order

    public TrackingFields? Fields;            // null: seeded fields derived from Seed (see SeedProfile)
    public bool Archived;
    public long FrozenAt = long.MaxValue;     // set by /trackings/notupdate: the state stops moving then
    public Status? StatusOverride;            // PUT status 4/7; 8 clears it
    public long EditedAt;                     // last change through the API, moves updated_at
    public long RetrackedAt = long.MinValue;  // v4 /trackings/retrack: shows updating: true for a while

    public TrackingKey Key => new(Carrier, Number);

    /// <summary>The same tracking under another id (hostile list pages repeat items as if they were new ones).</summary>
    public StoredTracking WithId(ulong idHigh, ulong idLow)
    {
        var copy = (StoredTracking)MemberwiseClone();
        copy.IdHigh = idHigh;
        copy.IdLow = idLow;
        return copy;
    }

    public bool TrackUpdate => FrozenAt == long.MaxValue;
}
