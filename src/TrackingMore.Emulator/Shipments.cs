using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>Builds trackings: their route, outcome and identity, deterministically from the random seed.</summary>
internal static partial class Shipments
{
    /// <summary>Where a carrier without a country of its own in <see cref="Geography"/> ships from.</summary>
    private static readonly string[] Hubs = ["CN", "US", "DE", "GB", "HK"];

    /// <summary>
    /// Posts, and Chinese cross-border lines reporting in English (YunExpress, 4PX, Yanwen, Cainiao), hand
    /// international items to the destination's post, which appears as destination_info. Express companies
    /// report the whole route themselves.
    /// </summary>
    public static bool HandsOverAbroad(CarrierRecord c) => !c.IsExpress || (c.Country == "CN" && c.Script == Script.Latin);

    /// <summary>An outcome drawn with the real world's proportions: mostly delivered.</summary>
    public static Outcome DrawOutcome(ref Rng rng) => rng.NextDouble() switch
    {
        < 0.72 => Outcome.Delivered,
        < 0.78 => Outcome.Undelivered,
        < 0.86 => Outcome.Exception,
        < 0.94 => Outcome.Expired,
        _ => Outcome.NotFound,
    };

    /// <summary>"emulator:delivered" (etc.) in the title or comment of a created tracking forces its outcome.</summary>
    public static Outcome? ForcedOutcome(TrackingFields f)
    {
        foreach (var text in new[] { f.Title, f.Comment })
        {
            if (text is null) continue;
            var m = OutcomeMarker().Match(text);
            if (m.Success && Enum.TryParse<Outcome>(m.Groups[1].Value, ignoreCase: true, out var o)) return o;
        }
        return null;
    }

    [GeneratedRegex(@"emulator:(delivered|undelivered|exception|expired|notfound)\b", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeMarker();

    /// <summary>
    /// A tracking created through the API (post, batch, realtime). Its route depends only on carrier, number and
    /// random seed, so re-creating it replays the same story. It stays pending for ½–3 simulated hours, its first
    /// checkpoint comes ½–6 hours after creation, and it is final within ~20 simulated days.
    /// </summary>
    public static StoredTracking FromApi(string number, short carrier, TrackingFields fields, long now, ulong randomSeed)
    {
        var c = Carriers.Get(carrier);
        var rng = new Rng(StableHash.Of(c.Code + "\n" + number, randomSeed));
        var outcome = ForcedOutcome(fields) ?? DrawOutcome(ref rng);
        var origin = Geography.IndexOf(c.Country);
        if (origin < 0) origin = Geography.IndexOf(rng.Pick(Hubs));
        var destination = Geography.IndexOf(fields.DestinationCode);
        if (destination < 0) destination = rng.Chance(0.35) ? origin : rng.Next(Geography.All.Length);
        var t = NewTracking(ref rng, number, carrier, origin, destination, outcome, now);
        t.FirstQueryDelay = rng.Next(1800, 3 * 3600);
        t.RouteStart = now + rng.Next(1800, 6 * 3600);
        t.Quirks = Quirks.DatesWithSeconds;
        t.Fields = fields;
        return t;
    }

    /// <summary>The parts every tracking has; the caller places the route in time and sets its quirks.</summary>
    public static StoredTracking NewTracking(
        ref Rng rng, string number, short carrier, int origin, int destination, Outcome outcome, long createdAt)
    {
        var international = origin != destination;
        var destinationCarrier = international && HandsOverAbroad(Carriers.Get(carrier))
            ? Carriers.IndexOf(Geography.All[destination].PostalCarrier)
            : (short)-1;
        return new StoredTracking
        {
            Number = number,
            IdHigh = rng.NextU64(),
            IdLow = rng.NextU64(),
            Seed = (uint)rng.NextU64(),
            CreatedAt = createdAt,
            Carrier = carrier,
            DestinationCarrier = destinationCarrier,
            OriginCountry = (byte)origin,
            DestinationCountry = (byte)destination,
            Outcome = outcome,
            Events = Simulation.PlanRoute(ref rng, international, outcome),
        };
    }
}
