using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrackingMore.Emulator;

/// <summary>
/// Reading v4 request bodies and list queries by api-v4.md "More decisions": <c>null</c> and <c>""</c> mean "not
/// given", other non-string values are 4130, a number's JSON number is taken as its text.
/// </summary>
internal static partial class V4Inputs
{
    /// <summary>The editable text fields of create and update, with where each lives in <see cref="TrackingFields"/>.</summary>
    private static readonly (string Name, Func<TrackingFields, string?> Get, Func<TrackingFields, string, TrackingFields> Set)[] Editable =
    [
        ("order_number", f => f.OrderNumber, (f, v) => f with { OrderNumber = v }),
        ("order_id", f => f.OrderId, (f, v) => f with { OrderId = v }),
        ("order_date", f => f.OrderCreateTime as string, (f, v) => f with { OrderCreateTime = v }),
        ("origin_country_iso2", f => f.OriginCode, (f, v) => f with { OriginCode = v }),
        ("destination_country_iso2", f => f.DestinationCode, (f, v) => f with { DestinationCode = v }),
        ("customer_name", f => f.CustomerName, (f, v) => f with { CustomerName = v }),
        ("customer_email", f => V4Json.Email(f.CustomerEmail), (f, v) => f with { CustomerEmail = v }),
        ("customer_sms", f => f.CustomerPhone, (f, v) => f with { CustomerPhone = v }),
        ("recipient_postcode", f => f.RecipientPostcode, (f, v) => f with { RecipientPostcode = v }),
        ("title", f => f.Title, (f, v) => f with { Title = v }),
        ("logistics_channel", f => f.LogisticsChannel, (f, v) => f with { LogisticsChannel = v }),
        ("note", f => f.Comment, (f, v) => f with { Comment = v }),
        ("label", f => f.Label, (f, v) => f with { Label = v }),
        ("language", f => f.Language, (f, v) => f with { Language = v }),
        ("tracking_courier_account", f => f.TrackingCourierAccount, (f, v) => f with { TrackingCourierAccount = v }),
        ("tracking_postal_code", f => f.TrackingPostalCode, (f, v) => f with { TrackingPostalCode = v }),
        ("tracking_origin_country", f => f.TrackingOriginCountry, (f, v) => f with { TrackingOriginCountry = v }),
        ("tracking_destination_country", f => f.TrackingDestinationCountry, (f, v) => f with { TrackingDestinationCountry = v }),
        ("tracking_ship_date", f => f.TrackingShipDate, (f, v) => f with { TrackingShipDate = v }),
        ("tracking_key", f => f.TrackingKey, (f, v) => f with { TrackingKey = v }),
    ];

    /// <summary>The editable fields' names and values, for the update echo.</summary>
    public static IEnumerable<(string Name, string? Value)> EditableValues(TrackingFields f) => Editable.Select(e => (e.Name, e.Get(f)));

    /// <summary>A given value: 0 and the text for a string (or a number's text), 0 and null when not given, 4130 otherwise.</summary>
    public static int Text(JsonElement obj, string name, out string? value)
    {
        value = null;
        if (!obj.TryGetProperty(name, out var v)) return 0;
        switch (v.ValueKind)
        {
            case JsonValueKind.Null:
                return 0;
            case JsonValueKind.String:
                var s = v.GetString()!;
                // The same bound as v2's text fields (Inputs.MaxTextLength, the emulator's decision).
                if (s.Length > Inputs.MaxTextLength) return V4Codes.InvalidField;
                value = s.Length == 0 ? null : s;
                return 0;
            default:
                return V4Codes.InvalidField;
        }
    }

    /// <summary>tracking_number (missing or blank 4111; over 50, whitespace or control characters 4110; a JSON number is its text) and courier_code (4120).</summary>
    public static int ReadKey(JsonElement obj, out TrackingKey key)
    {
        key = default;
        string? number = null;
        if (obj.TryGetProperty("tracking_number", out var n))
        {
            if (n.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null)) return V4Codes.InvalidNumber;
            number = n.ValueKind == JsonValueKind.String ? n.GetString() : n.ValueKind == JsonValueKind.Number ? n.GetRawText() : null;
        }
        var code = CheckNumber(number);
        if (code != 0) return code;
        code = CheckCourier(obj, "courier_code", out var courier);
        if (code != 0) return code;
        if (courier < 0) return V4Codes.InvalidCourier;
        key = new TrackingKey(courier, number!);
        return 0;
    }

    public static int CheckNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return V4Codes.NumberRequired;
        return Inputs.IsWithinNumberBounds(number) && !number.Any(char.IsWhiteSpace) ? 0 : V4Codes.InvalidNumber;
    }

    /// <summary>A courier code field: -1 when not given; 4120 when it is not one of /couriers/all (case-sensitive).</summary>
    public static int CheckCourier(JsonElement obj, string name, out short courier)
    {
        courier = -1;
        if (Text(obj, name, out var code) != 0) return V4Codes.InvalidCourier;
        if (code is null) return 0;
        courier = Carriers.IndexOf(code);
        return courier < 0 ? V4Codes.InvalidCourier : 0;
    }

    /// <summary>
    /// Applies the given editable fields of <paramref name="obj"/> to <paramref name="fields"/> (nothing given
    /// changes nothing: an update never clears a field). 4130 for a value that is not a string, or a
    /// *_country_iso2 that is not two letters.
    /// </summary>
    public static int ReadFields(JsonElement obj, ref TrackingFields fields)
    {
        var result = fields;
        foreach (var (name, _, set) in Editable)
        {
            if (Text(obj, name, out var value) != 0) return V4Codes.InvalidField;
            if (value is null) continue;
            if (name.EndsWith("_country_iso2", StringComparison.Ordinal))
            {
                if (!TwoLetters().IsMatch(value)) return V4Codes.InvalidField;
                value = value.ToUpperInvariant();
            }
            result = set(result, value);
        }
        fields = result;
        return 0;
    }

    [GeneratedRegex("^[A-Za-z]{2}$")]
    private static partial Regex TwoLetters();

    /// <summary>A tracking id: 32 lowercase hex digits.</summary>
    public static bool TryParseId(string text, out (ulong High, ulong Low) id)
    {
        id = default;
        if (text.Length != 32 || !text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')) return false;
        id = (ulong.Parse(text.AsSpan(0, 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
              ulong.Parse(text.AsSpan(16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The body as a JSON value of the kind the endpoint takes; 400 for a blank body, one that is not JSON, or the wrong kind.</summary>
    public static int ReadBody(IncomingRequest r, JsonValueKind kind, out JsonElement root) =>
        Inputs.ReadJson(r.Body, out root) == BodyContent.Json && root.ValueKind == kind ? 0 : V4Codes.RequestType;
}
