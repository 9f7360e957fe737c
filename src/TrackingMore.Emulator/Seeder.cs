using System.Text;

namespace TrackingMore.Emulator;

/// <summary>
/// Creates the <c>--seed</c> trackings: realistic carrier/number/route combinations spread over the past ~90 days,
/// so a seeded account holds every status. The first eight are planted one per status (pending, notfound, transit,
/// pickup, delivered, undelivered, exception, expired) so that even a small seed shows them all at start-up.
/// </summary>
internal static class Seeder
{
    private enum NumberFormat { S10, Ups, Usps, FedEx, Dhl, YunExpress, FourPx, Bestex, DhlGermany, Colissimo }

    /// <param name="Carrier">null: the post of the origin country.</param>
    /// <param name="Destinations">ISO-2 codes; the origin itself there means a domestic route.</param>
    /// <param name="S10Service">First letters allowed for UPU S10 numbers (R registered, L/U small packet, E EMS…).</param>
    private sealed record Template(
        int Weight, string? Carrier, string[] Origins, string[] Destinations, NumberFormat Format, string S10Service = "RLU");

    private static readonly string[] Worldwide =
        ["US", "GB", "DE", "FR", "RU", "AU", "CA", "BR", "ES", "IT", "NL", "IL", "PL", "SE", "KR", "JP", "MX", "CO", "NZ", "CH"];

    private static readonly Template[] Templates =
    [
        new(25, "china-post", ["CN"], Worldwide, NumberFormat.S10),
        new(5, "china-ems", ["CN"], Worldwide, NumberFormat.S10, "E"),
        new(10, "yunexpress", ["CN"], ["US", "GB", "DE", "FR", "AU", "CA", "ES", "IT", "NL"], NumberFormat.YunExpress),
        new(6, "4px", ["CN"], ["US", "GB", "DE", "FR", "RU", "BR", "MX"], NumberFormat.FourPx),
        new(12, "usps", ["US"], ["US"], NumberFormat.Usps),
        new(8, "ups", ["US", "DE", "GB"], ["US", "US", "CA", "GB", "DE"], NumberFormat.Ups),
        new(6, "fedex", ["US", "CN", "HK"], ["US", "CA", "MX", "GB", "DE"], NumberFormat.FedEx),
        new(6, "dhl", ["DE", "HK", "GB", "CN"], ["US", "GB", "DE", "FR", "AU", "JP", "KR", "SG", "IN"], NumberFormat.Dhl),
        new(6, "bestex", ["CN"], ["CN"], NumberFormat.Bestex),
        new(10, null, ["PH", "LT", "GB", "DE", "JP", "HK", "KR", "FR", "IT", "SG", "AU", "CA"],
            ["US", "KR", "CO", "GB", "DE", "FR", "JP", "AU", "CA", "BR", "RU"], NumberFormat.S10, "RLC"),
        new(4, "dhl-germany", ["DE"], ["DE"], NumberFormat.DhlGermany),
        new(2, "colissimo", ["FR"], ["FR"], NumberFormat.Colissimo),
        new(2, "royal-mail", ["GB"], ["GB"], NumberFormat.S10, "TRK"),
    ];

    private static readonly int TotalWeight = Templates.Sum(t => t.Weight);

    private static readonly Status[] Planted =
    [
        Status.Pending, Status.NotFound, Status.Transit, Status.Pickup,
        Status.Delivered, Status.Undelivered, Status.Exception, Status.Expired,
    ];

    private const long Day = 86400;

    public static List<StoredTracking> Create(int count, ulong randomSeed, long now)
    {
        var result = new List<StoredTracking>(count);
        var taken = new HashSet<TrackingKey>(count);
        for (var i = 0; i < count; i++)
        {
            var rng = new Rng(StableHash.Mix(randomSeed, (ulong)i));
            var template = PickTemplate(ref rng);
            var origin = Geography.IndexOf(rng.Pick(template.Origins));
            var destination = Geography.IndexOf(rng.Pick(template.Destinations));
            var carrier = Carriers.IndexOf(template.Carrier ?? Geography.All[origin].PostalCarrier);

            string number;
            do number = NewNumber(ref rng, template, Geography.All[origin].Iso2);
            while (!taken.Add(new TrackingKey(carrier, number)));

            Status? plant = i < Planted.Length ? Planted[i] : null;
            var outcome = plant switch
            {
                Status.Undelivered => Outcome.Undelivered,
                Status.Exception => Outcome.Exception,
                Status.Expired => Outcome.Expired,
                null => Shipments.DrawOutcome(ref rng),
                _ => Outcome.Delivered,
            };

            var t = Shipments.NewTracking(ref rng, number, carrier, origin, destination, outcome, createdAt: 0);
            if (plant is { } status) PlaceAt(t, status, now);
            else PlaceRandomly(t, ref rng, now);
            t.Quirks = DrawQuirks(ref rng, oneLeg: t.DestinationCarrier < 0);
            t.Archived = rng.Chance(0.08);
            if (rng.Chance(0.03)) t.FrozenAt = Math.Min(now, t.CreatedAt + rng.Next(1, 10) * Day);
            result.Add(t);
        }
        return result;
    }

    private static Template PickTemplate(ref Rng rng)
    {
        var w = rng.Next(TotalWeight);
        foreach (var t in Templates)
        {
            if (w < t.Weight) return t;
            w -= t.Weight;
        }
        throw new InvalidOperationException("unreachable: weights cover the range");
    }

    /// <summary>Created over the past 90 days, weighted towards recent ones so that all stages are present.</summary>
    private static void PlaceRandomly(StoredTracking t, ref Rng rng, long now)
    {
        var u = rng.NextDouble();
        var age = u < 0.1 ? rng.Next(0, (int)(2 * Day))
            : u < 0.35 ? rng.Next((int)(2 * Day), (int)(20 * Day))
            : rng.Next((int)(20 * Day), (int)(90 * Day));
        t.CreatedAt = now - age;
        t.FirstQueryDelay = rng.Next(300, 7200);
        t.RouteStart = t.CreatedAt + rng.Next((int)(-2 * Day), 6 * 3600);
    }

    /// <summary>Places the route in time so that <paramref name="status"/> holds at <paramref name="now"/>.</summary>
    private static void PlaceAt(StoredTracking t, Status status, long now)
    {
        long Offset(int i) => (t.Events[i] >> 8) * 60L;
        var last = t.Events.Length - 1;
        t.FirstQueryDelay = 600;
        switch (status)
        {
            case Status.Pending:
                t.CreatedAt = now - 300;
                t.FirstQueryDelay = 2 * 3600;
                t.RouteStart = t.CreatedAt + 3600;
                return;
            case Status.NotFound:
                t.CreatedAt = now - 4 * 3600;
                t.RouteStart = now + 6 * 3600;
                return;
            case Status.Transit:
                t.RouteStart = now - Offset(2) - 1800;
                break;
            case Status.Pickup:
                t.RouteStart = now - Offset(Array.FindIndex(t.Events, e => Simulation.KindOf(e) == EventKind.OutForDelivery)) - 900;
                break;
            case Status.Expired:
                t.RouteStart = now - Offset(last) - 10 * Day;
                break;
            default:
                t.RouteStart = now - Offset(last) - 3 * Day;
                break;
        }
        t.CreatedAt = t.RouteStart - 3600;
    }

    private static Quirks DrawQuirks(ref Rng rng, bool oneLeg)
    {
        var q = Quirks.None;
        if (rng.Chance(0.5)) q |= Quirks.DatesWithSeconds;
        if (rng.Chance(0.15)) q |= Quirks.NoCheckpointStatus;
        if (rng.Chance(0.1)) q |= Quirks.ItemTimeLengthNull;
        if (oneLeg)
        {
            q |= rng.NextDouble() switch
            {
                < 0.25 => Quirks.DestinationInfoNull,
                < 0.5 => Quirks.DestinationInfoEmpty,
                < 0.7 => Quirks.DestinationInfoAbsent,
                _ => Quirks.None,
            };
        }
        return q;
    }

    private static string NewNumber(ref Rng rng, Template template, string originIso)
    {
        var sb = new StringBuilder(24);
        void Digits(ref Rng r, int n)
        {
            for (var k = 0; k < n; k++) sb.Append(r.Digit());
        }

        switch (template.Format)
        {
            case NumberFormat.S10:
                sb.Append(template.S10Service[rng.Next(template.S10Service.Length)]).Append(rng.Letter());
                Digits(ref rng, 8);
                sb.Append(S10CheckDigit(sb.ToString(2, 8))).Append(originIso);
                break;
            case NumberFormat.Ups:
                sb.Append("1Z");
                for (var k = 0; k < 6; k++) sb.Append(rng.Chance(0.5) ? rng.Letter() : rng.Digit());
                sb.Append('0').Append(rng.Digit());
                Digits(ref rng, 8);
                break;
            case NumberFormat.Usps:
                sb.Append(rng.Pick(["9400", "9205", "9361", "9274"]));
                Digits(ref rng, 18);
                break;
            case NumberFormat.FedEx:
                sb.Append('7');
                Digits(ref rng, 11);
                break;
            case NumberFormat.Dhl:
                sb.Append(rng.Next(1, 10));
                Digits(ref rng, 9);
                break;
            case NumberFormat.YunExpress:
                sb.Append("YT");
                Digits(ref rng, 16);
                break;
            case NumberFormat.FourPx:
                sb.Append("4PX3000");
                Digits(ref rng, 9);
                sb.Append("CN");
                break;
            case NumberFormat.Bestex:
                sb.Append(rng.Pick(["5", "3"]));
                Digits(ref rng, 13);
                break;
            case NumberFormat.DhlGermany:
                sb.Append("00340434");
                Digits(ref rng, 12);
                break;
            case NumberFormat.Colissimo:
                sb.Append(rng.Digit()).Append(rng.Letter());
                Digits(ref rng, 11);
                break;
        }
        return sb.ToString();
    }

    /// <summary>The UPU S10 check digit over the 8 serial digits.</summary>
    private static char S10CheckDigit(string serial)
    {
        ReadOnlySpan<int> weights = [8, 6, 4, 2, 3, 5, 9, 7];
        var sum = 0;
        for (var k = 0; k < 8; k++) sum += (serial[k] - '0') * weights[k];
        var check = 11 - sum % 11;
        return check switch { 10 => '0', 11 => '5', _ => (char)('0' + check) };
    }
}
