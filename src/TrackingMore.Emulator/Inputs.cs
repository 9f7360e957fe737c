using System.Globalization;
using System.Text.Json;

namespace TrackingMore.Emulator;

/// <summary>
/// Reading request bodies the way the API does: loosely typed (numbers where strings are expected are accepted),
/// validated field by field with the API's codes.
/// </summary>
/// <summary>What a request body holds, as far as reading it as JSON goes.</summary>
internal enum BodyContent : byte { Json, Blank, NotJson }

internal static class Inputs
{
    public const int MaxNumberLength = 50;

    /// <summary>Parses a body; <paramref name="root"/> is set only when it is <see cref="BodyContent.Json"/>.</summary>
    public static BodyContent ReadJson(byte[] body, out JsonElement root)
    {
        root = default;
        if (body.AsSpan().Trim(" \t\r\n"u8).IsEmpty) return BodyContent.Blank;
        try
        {
            root = JsonSerializer.Deserialize<JsonElement>(body);
            return BodyContent.Json;
        }
        catch (JsonException)
        {
            return BodyContent.NotJson;
        }
    }

    /// <summary>
    /// The code an endpoint that needs a JSON body answers: 0 for JSON, 4012 for a blank body, and 4015 for one that
    /// is not JSON. 4015 is the carrier-code error, but it is what the real service answers to such a body.
    /// </summary>
    public static int RefusalCode(BodyContent content) => content switch
    {
        BodyContent.Json => 0,
        BodyContent.Blank => ApiCodes.MissingParameters,
        BodyContent.NotJson => ApiCodes.InvalidCarrier,
        _ => throw new ArgumentOutOfRangeException(nameof(content)),
    };

    /// <summary>A property as text: strings as they are, numbers and booleans as their JSON text; else null.</summary>
    public static string? Text(JsonElement obj, string name)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty(name, out var v)) return null;
        return v.ValueKind switch
        {
            JsonValueKind.String => StringOrReplacement(v),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
            _ => null,
        };
    }

    /// <summary>
    /// A JSON string; one whose bytes are not UTF-8 is read as U+FFFD, as the service's decoder would not read it
    /// either: a number holding it is 4014, not a server error.
    /// </summary>
    private static string StringOrReplacement(JsonElement value)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }

    public static bool Has(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out _);

    /// <summary>4013 when absent; 4014 when empty, blank, longer than 50, holding control characters or bytes that are not UTF-8.</summary>
    public static int CheckNumber(string? number)
    {
        if (number is null) return ApiCodes.NumberRequired;
        if (number.Length == 0 || string.IsNullOrWhiteSpace(number) || !IsWithinNumberBounds(number)) return ApiCodes.InvalidNumber;
        return 0;
    }

    /// <summary>The bounds both versions hold a tracking number to: at most 50 characters, no control characters.</summary>
    /// <summary>Within the length a number may have, with no control character and no U+FFFD (what bytes that were not UTF-8 became).</summary>
    public static bool IsWithinNumberBounds(string number) => number.Length <= MaxNumberLength && !number.Any(c => char.IsControl(c) || c == '\uFFFD');

    /// <summary>4015 when absent, malformed ([0-9a-z-_]+) or not a known carrier.</summary>
    public static int CheckCarrier(string? code, out short index)
    {
        index = -1;
        if (string.IsNullOrEmpty(code) || !Carriers.IsWellFormedCode(code)) return ApiCodes.InvalidCarrier;
        index = Carriers.IndexOf(code);
        return index < 0 ? ApiCodes.InvalidCarrier : 0;
    }

    /// <summary>Reads and checks {tracking_number, carrier_code} of an item.</summary>
    public static int ReadKey(JsonElement item, out TrackingKey key)
    {
        key = default;
        var number = Text(item, "tracking_number");
        var code = CheckNumber(number);
        if (code != 0) return code;
        code = CheckCarrier(Text(item, "carrier_code"), out var carrier);
        if (code != 0) return code;
        key = new TrackingKey(carrier, number!);
        return 0;
    }

    /// <summary>
    /// The longest text field a create or edit may carry (title, customer and order fields, comment): api-v2.md gives
    /// none, so this is the emulator's decision, a database column's usual 255, and the module's parameters refuse the
    /// same. Longer is refused whole, like the service's other invalid parameters, with 4012.
    /// </summary>
    public const int MaxTextLength = 255;

    private static readonly string[] TextFields =
        ["title", "logistics_channel", "customer_name", "customer_email", "customer_phone", "order_id", "order", "order_create_time", "comment",
         "destination_code", "tracking_destination_country"];

    /// <summary>4012 when a text field of a create or edit object is longer than <see cref="MaxTextLength"/>; else 0.</summary>
    public static int CheckTextLengths(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object) return 0;
        foreach (var name in TextFields)
        {
            if (!obj.TryGetProperty(name, out var value)) continue;
            var texts = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : new[] { value }.AsEnumerable();
            foreach (var text in texts)
                if (text.ValueKind == JsonValueKind.String && StringOrReplacement(text).Length > MaxTextLength) return ApiCodes.MissingParameters;
        }
        return 0;
    }

    /// <summary>The fields a create request (post, batch, realtime) may carry.</summary>
    public static TrackingFields ReadCreateFields(JsonElement obj) => new()
    {
        Title = Text(obj, "title"),
        LogisticsChannel = Text(obj, "logistics_channel"),
        CustomerName = Text(obj, "customer_name"),
        CustomerEmail = Email(obj),
        CustomerPhone = Text(obj, "customer_phone"),
        OrderId = Text(obj, "order_id") ?? Text(obj, "order"),
        OrderCreateTime = Text(obj, "order_create_time"),
        Comment = Text(obj, "comment"),
        DestinationCode = Text(obj, "destination_code") ?? Text(obj, "tracking_destination_country"),
    };

    /// <summary>
    /// Applies the editable fields of a PUT/updatemore item to <paramref name="t"/> (caller holds the store lock).
    /// archived takes the strings "true"/"false" (booleans too); status takes 4 (delivered), 7 (exception) or
    /// 8 (back to the simulated status), anything else is 4033.
    /// </summary>
    public static int ApplyEdits(JsonElement obj, StoredTracking t, long now)
    {
        if (CheckTextLengths(obj) is var tooLong and not 0) return tooLong;
        bool? archived = null;
        if (Has(obj, "archived"))
        {
            archived = Text(obj, "archived")?.Trim().ToLowerInvariant() switch
            {
                "true" or "1" => true,
                "false" or "0" => false,
                _ => null,
            };
            if (archived is null) return ApiCodes.MissingParameters;
        }

        Status? newOverride = t.StatusOverride;
        if (Has(obj, "status"))
        {
            var status = int.TryParse(Text(obj, "status"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1;
            if (status is not (4 or 7 or 8)) return ApiCodes.InvalidStatus;
            newOverride = status switch { 4 => Status.Delivered, 7 => Status.Exception, _ => null };
        }

        var f = t.Fields ?? SeedProfile.Fields(t);
        t.Fields = f with
        {
            Title = Has(obj, "title") ? Text(obj, "title") : f.Title,
            LogisticsChannel = Has(obj, "logistics_channel") ? Text(obj, "logistics_channel") : f.LogisticsChannel,
            CustomerName = Has(obj, "customer_name") ? Text(obj, "customer_name") : f.CustomerName,
            CustomerEmail = Has(obj, "customer_email") ? Email(obj) : f.CustomerEmail,
            CustomerPhone = Has(obj, "customer_phone") ? Text(obj, "customer_phone") : f.CustomerPhone,
            OrderId = Has(obj, "order_id") ? Text(obj, "order_id") : f.OrderId,
            DestinationCode = Has(obj, "destination_code") ? Text(obj, "destination_code") : f.DestinationCode,
        };
        if (archived is { } a) t.Archived = a;
        t.StatusOverride = newOverride;
        t.EditedAt = now;
        return 0;
    }

    /// <summary>customer_email: a string or an array of strings.</summary>
    private static object? Email(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("customer_email", out var v)) return null;
        return v.ValueKind == JsonValueKind.Array
            ? v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
            : Text(obj, "customer_email");
    }
}
