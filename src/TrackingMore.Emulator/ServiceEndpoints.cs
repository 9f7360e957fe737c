using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>
/// The account and look-up endpoints: getuserinfo, remote, costtime, aircargo. Their answers are deterministic
/// functions of the input (and, for aircargo, of the simulated clock) so tests can assert on them.
/// </summary>
internal static partial class ServiceEndpoints
{
    /// <summary>GET /trackings/getuserinfo: track_number is the quota left, regtime unix seconds as a string.</summary>
    public static Task UserInfo(IncomingRequest r) => r.Reply(ApiCodes.Success, w =>
    {
        w.WriteStartObject();
        w.WriteString("email", r.Account.Email);
        w.WriteString("regtime", r.Account.RegisteredAt.ToString(CultureInfo.InvariantCulture));
        w.WriteString("phone", "+8612345678910");
        w.WriteNumber("money", 999);
        w.WriteNumber("track_number", r.Account.QuotaLeft);
        w.WriteEndObject();
    });

    /// <summary>Postcode prefixes that are remote for every carrier (islands, territories, far north).</summary>
    private static readonly Dictionary<string, string[]> RemotePrefixes = new()
    {
        ["US"] = ["995", "996", "997", "998", "999", "967", "968", "006", "007", "009"],
        ["JP"] = ["90", "762", "894"],
        ["GB"] = ["HS", "ZE", "KW15", "KW16", "KW17", "IV4"],
        ["DE"] = ["18565", "25849", "25859", "25863", "25869", "25938", "25980", "26465", "26474", "26486", "26548", "26571", "26579", "26757", "27498"],
        ["FR"] = ["20", "97", "98"],
        ["ES"] = ["07", "35", "38", "51", "52"],
        ["IT"] = ["07", "08", "09", "98"],
        ["AU"] = ["08", "7"],
        ["CA"] = ["X", "Y", "A0"],
        ["NO"] = ["9"],
        ["CN"] = ["83", "85"],
        ["RU"] = ["68"],
        ["BR"] = ["69"],
    };

    private static readonly string[] DefaultRemoteCarriers = ["dhl", "ups", "fedex"];

    /// <summary>
    /// POST /trackings/remote: which addresses a carrier treats as remote. Decided by the table above plus a
    /// hash rule (about one postcode in 23 per carrier), so the same question always gets the same answer.
    /// Without a company, DHL, UPS and FedEx are checked. Unreadable entries go to "other".
    /// </summary>
    public static Task Remote(IncomingRequest r)
    {
        var code = r.TryReadBulk(out var items);
        if (code != 0) return r.Fail(code);

        return r.Reply(ApiCodes.Success, w =>
        {
            w.WriteStartObject();
            w.WriteNumber("submitted", items.Count);
            var remote = new List<(string Company, Country Country, string Postcode)>();
            w.WriteStartArray("other");
            foreach (var item in items)
            {
                var countryText = Inputs.Text(item, "country");
                var postcode = Inputs.Text(item, "postcode") ?? Inputs.Text(item, "city");
                var company = Inputs.Text(item, "company");
                var country = Geography.IndexOf(countryText);
                string? problem = country < 0 ? "unknown country"
                    : string.IsNullOrWhiteSpace(postcode) ? "postcode is required"
                    : company is not null && Carriers.IndexOf(company) < 0 ? "unknown company"
                    : null;
                if (problem is not null)
                {
                    w.WriteStartObject();
                    w.WriteString("country", countryText);
                    w.WriteString("postcode", postcode);
                    w.WriteString("company", company);
                    w.WriteString("message", problem);
                    w.WriteEndObject();
                    continue;
                }
                var normalized = postcode!.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
                foreach (var c in company is null ? DefaultRemoteCarriers : [company])
                {
                    if (IsRemote(Geography.All[country].Iso2, normalized, c)) remote.Add((c, Geography.All[country], postcode));
                }
            }
            w.WriteEndArray();
            w.WriteStartArray("remote");
            foreach (var (company, country, postcode) in remote)
            {
                w.WriteStartObject();
                w.WriteString("far_express_company", company);
                w.WriteString("two_code", country.Iso2);
                w.WriteString("far_country", country.Name);
                w.WriteString("far_city_postcode", postcode);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }, message: ApiCodes.StatusPageSuccessMessage);
    }

    private static bool IsRemote(string iso2, string postcode, string company) =>
        (RemotePrefixes.TryGetValue(iso2, out var prefixes) && prefixes.Any(p => postcode.StartsWith(p, StringComparison.Ordinal)))
        || StableHash.Of($"{iso2}|{postcode}|{company}") % 23 == 0;

    /// <summary>
    /// POST /trackings/costtime: transit-time statistics per {carrier_code, original, destination}, one entry per
    /// triple. Express carriers are fast, posts slower, domestic routes fastest; the ratios sum to 1.
    /// </summary>
    public static Task CostTime(IncomingRequest r)
    {
        var code = r.TryReadBulk(out var items);
        if (code != 0) return r.Fail(code);
        var triples = new List<(CarrierRecord Carrier, string From, string To)>(items.Count);
        foreach (var item in items)
        {
            var from = Inputs.Text(item, "original")?.Trim().ToUpperInvariant();
            var to = Inputs.Text(item, "destination")?.Trim().ToUpperInvariant();
            code = Inputs.CheckCarrier(Inputs.Text(item, "carrier_code"), out var carrier);
            if (code != 0) return r.Fail(code);
            if (from is null || to is null || !CountryCode().IsMatch(from) || !CountryCode().IsMatch(to))
                return r.Fail(ApiCodes.MissingParameters);
            triples.Add((Carriers.Get(carrier), from, to));
        }

        return r.Reply(ApiCodes.Success, w =>
        {
            w.WriteStartArray();
            foreach (var (carrier, from, to) in triples)
            {
                var h = StableHash.Of($"{carrier.Code}|{from}|{to}");
                var total = 50 + (long)(h % 20000);
                ReadOnlySpan<double> shape = from == to ? [0.85, 0.12, 0.02, 0.01, 0.0]
                    : carrier.IsExpress ? [0.78, 0.17, 0.03, 0.015, 0.005]
                    : [0.12, 0.38, 0.33, 0.13, 0.04];
                var ratios = new double[shape.Length];
                for (var i = 0; i < shape.Length; i++)
                    ratios[i] = shape[i] * (0.7 + 0.6 * StableHash.Unit(StableHash.Mix(h, (ulong)i)));
                var sum = ratios.Sum();
                for (var i = 0; i < ratios.Length; i++) ratios[i] = Math.Round(ratios[i] / sum, 4);

                w.WriteStartObject();
                w.WriteString("carrier_code", carrier.Code);
                w.WriteString("original", from);
                w.WriteString("destination", to);
                w.WriteNumber("total", total);
                w.WriteNumber("delivered", (long)(total * (0.82 + 0.17 * StableHash.Unit(StableHash.Mix(h, 99)))));
                string[] names = ["range1", "range3", "range4", "range5", "range6"];
                for (var i = 0; i < names.Length; i++) w.WriteNumber(names[i], ratios[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }, message: ApiCodes.StatusPageSuccessMessage);
    }

    private static readonly (string Prefix, string Airline)[] Airlines =
    [
        ("172", "CV"), ("020", "LH"), ("160", "CX"), ("618", "SQ"), ("176", "EK"), ("235", "TK"), ("999", "CA"),
        ("784", "CZ"), ("297", "CI"), ("057", "AF"), ("074", "KL"), ("125", "BA"), ("001", "AA"), ("006", "DL"), ("016", "UA"),
    ];

    private static readonly string[] Airports = ["HKG", "PVG", "FRA", "LUX", "LAX", "JFK", "ORD", "DXB", "IST", "AMS", "CDG", "LHR", "SIN", "ICN", "NRT"];

    private static readonly (string Code, string Text)[] CargoSteps =
    [
        ("BKD", "Booked"), ("RCS", "Received from shipper"), ("DEP", "Departed"), ("ARR", "Arrived"),
        ("RCF", "Received from flight"), ("NFD", "Consignee notified"), ("DLV", "Delivered"),
    ];

    /// <summary>
    /// POST /trackings/aircargo: {"track_number":[AWB…], "lang"}. Any AWB not matching 3 digits, an optional
    /// space or dash and 7–8 digits fails the whole request with 4014 (the message names it). weight and piece are
    /// strings, as air cargo systems send them; track_info is in time order, actual_date "" until it happens.
    /// </summary>
    public static Task AirCargo(IncomingRequest r)
    {
        var code = r.TryReadJson(out var body);
        if (code != 0) return r.Fail(code);
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("track_number", out var list))
            return r.Fail(ApiCodes.NumberRequired);
        var numbers = list.ValueKind switch
        {
            JsonValueKind.Array => list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText()).ToList(),
            JsonValueKind.String => list.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList(),
            _ => null,
        };
        if (numbers is null || numbers.Count == 0) return r.Fail(ApiCodes.NumberRequired);
        if (numbers.Count > ApiCodes.BulkLimit) return r.Fail(ApiCodes.TooMany);
        if (numbers.Any(n => !AirWaybill().IsMatch(n))) return r.Fail(ApiCodes.InvalidNumber);

        return r.Reply(ApiCodes.Success, w =>
        {
            w.WriteStartArray();
            foreach (var awb in numbers) WriteAirWaybill(w, awb, r.Now);
            w.WriteEndArray();
        }, message: ApiCodes.StatusPageSuccessMessage);
    }

    /// <summary>One step of an air waybill's story: planned and actual times (unix seconds), IATA status code and text.</summary>
    internal readonly record struct CargoStep(long Plan, long Actual, bool Done, string Code, string Text, string Station, string Flight);

    /// <summary>An air waybill's story, the same for v2's aircargo and v4's awb: a function of the number and the clock.</summary>
    internal sealed record CargoStory(string Awb, string Airline, string Origin, string Destination, string Weight, string Pieces, int Done, CargoStep[] Steps);

    /// <summary>The airline of an AWB prefix (its first three digits), or null when the table has none.</summary>
    internal static string? AirlineOf(string awb) => Airlines.FirstOrDefault(a => a.Prefix == awb[..3]).Airline;

    internal static CargoStory PlanCargo(string awb, long now)
    {
        var h = StableHash.Of(awb.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal));
        var airline = AirlineOf(awb) ?? Airlines[(int)(h % (ulong)Airlines.Length)].Airline;
        var origin = Airports[(int)(h % (ulong)Airports.Length)];
        var destination = Airports[(int)((h / 7 + 1 + h % (ulong)(Airports.Length - 1)) % (ulong)Airports.Length)];
        if (destination == origin) destination = Airports[(Array.IndexOf(Airports, origin) + 1) % Airports.Length];
        var start = now - (long)(h % (3 * 86400));
        var done = 0;
        for (var k = 0; k < CargoSteps.Length; k++)
        {
            if (start + k * 8 * 3600 <= now) done = k + 1;
        }
        var flight = $"{airline}{100 + h % 900}";
        var steps = new CargoStep[CargoSteps.Length];
        for (var k = 0; k < CargoSteps.Length; k++)
        {
            var plan = start + k * 8 * 3600L;
            var actual = plan + (long)((StableHash.Mix(h, (ulong)k) % 120) - 30) * 60;
            steps[k] = new CargoStep(plan, actual, k < done, CargoSteps[k].Code, CargoSteps[k].Text, k < 3 ? origin : destination,
                CargoSteps[k].Code is "DEP" or "ARR" or "RCF" ? flight : "");
        }
        return new CargoStory(awb, airline, origin, destination, (5 + h % 4000 / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
            (1 + h % 12).ToString(CultureInfo.InvariantCulture), done, steps);
    }

    /// <summary>The fields a track_info step has in both versions; <paramref name="notYet"/> is actual_date before it happens.</summary>
    internal static void WriteStepFields(Utf8JsonWriter w, CargoStep step, string? notYet)
    {
        w.WriteString("plan_date", Dates.LocalString(step.Plan, Dates.ServiceOffsetHours, seconds: false));
        w.WriteString("actual_date", step.Done ? Dates.LocalString(step.Actual, Dates.ServiceOffsetHours, seconds: false) : notYet);
        w.WriteString("event", $"{step.Code} - {step.Text}");
        w.WriteString("station", step.Station);
        w.WriteString("flight_number", step.Flight);
    }

    private static void WriteAirWaybill(Utf8JsonWriter w, string awb, long now)
    {
        var story = PlanCargo(awb, now);
        w.WriteStartObject();
        w.WriteString("track_number", awb);
        w.WriteString("weight", story.Weight);
        w.WriteString("piece", story.Pieces);
        w.WriteString("origin", story.Origin);
        w.WriteString("destination", story.Destination);
        w.WriteNumber("status_number", story.Done);
        w.WriteStartArray("track_info");
        foreach (var step in story.Steps)
        {
            w.WriteStartObject();
            WriteStepFields(w, step, notYet: "");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    [GeneratedRegex(@"^\d{3}[ -]?\d{7,8}$")]
    private static partial Regex AirWaybill();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryCode();
}
