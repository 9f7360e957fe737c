namespace TrackingMore.Emulator;

/// <summary>
/// The user fields of a seeded tracking, derived from its seed whenever needed instead of being stored
/// (they are most of a tracking's bytes). Each field has its own hash so a filter can compute one field alone.
/// The mix of shapes is deliberate: customer_email is a string, an array, "" or null; order_create_time a
/// string, 0 or null — as the real service returns them.
/// </summary>
internal static class SeedProfile
{
    private static readonly string[] Titles =
        ["Wireless earbuds", "Phone case", "USB-C cable 2m", "Книга: Мастер и Маргарита", "蓝牙耳机", "Running shoes, size 42", "LED desk lamp"];
    private static readonly string[] Names = ["Maria Garcia", "John Smith", "Иван Петров", "王伟", "Anna Müller", "Kim Min-jun", "José Álvarez"];
    private static readonly string[] Mailboxes = ["maria.garcia", "jsmith", "ivan.petrov", "wangwei", "anna.mueller", "minjun.kim", "jose"];
    private static readonly string[] Phones = ["+1 206 555 0134", "+44 20 7946 0958", "+49 30 901820", "+86 138 0013 8000", "+7 495 123-45-67"];
    private static readonly string[] Comments = ["Fragile", "Gift, no invoice", "Ring the bell twice", "Leave at reception", "Замена по гарантии"];
    private static readonly string[] Channels = ["ePacket", "AliExpress Standard Shipping", "Priority Mail", "Yun Express Standard", "DHL Express Worldwide"];

    private enum Field : ulong { Title = 1, OrderId, Name, Email, Phone, OrderTime, Comment, Channel }

    private static ulong H(StoredTracking t, Field f) => StableHash.Mix(t.Seed, (ulong)f);

    private static string? Choose(ulong h, double nullShare, string[] values) =>
        StableHash.Unit(h) < nullShare ? null : values[(int)(h % (ulong)values.Length)];

    /// <summary>order_id of any tracking: set through the API, or derived for a seeded one.</summary>
    public static string? OrderIdOf(StoredTracking t) => t.Fields is { } f ? f.OrderId : OrderId(t);

    /// <summary>order_create_time of any tracking in unix seconds, when it is a readable date (filters).</summary>
    public static long? OrderCreatedUnixOf(StoredTracking t)
    {
        if (t.Fields is null) return OrderCreatedUnix(t);
        return t.Fields.OrderCreateTime is string s && Dates.TryParseLoose(s, out var unix) ? unix : null;
    }

    public static TrackingFields Fields(StoredTracking t) => new()
    {
        Title = Title(t),
        OrderId = OrderId(t),
        CustomerName = Choose(H(t, Field.Name), 0.3, Names),
        CustomerEmail = CustomerEmail(t),
        CustomerPhone = Choose(H(t, Field.Phone), 0.5, Phones),
        OrderCreateTime = OrderCreateTime(t),
        Comment = Choose(H(t, Field.Comment), 0.8, Comments),
        LogisticsChannel = Choose(H(t, Field.Channel), 0.7, Channels),
    };

    private static string? Title(StoredTracking t)
    {
        var h = H(t, Field.Title);
        return StableHash.Unit(h) switch
        {
            < 0.35 => null,
            < 0.5 => "",
            _ => Titles[(int)(h % (ulong)Titles.Length)],
        };
    }

    private static string? OrderId(StoredTracking t)
    {
        var h = H(t, Field.OrderId);
        return StableHash.Unit(h) switch
        {
            < 0.3 => null,
            < 0.7 => "#" + (100000 + h % 900000),
            _ => "SO-" + (h % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private static object? CustomerEmail(StoredTracking t)
    {
        var h = H(t, Field.Email);
        var box = Mailboxes[(int)(h % (ulong)Mailboxes.Length)];
        return StableHash.Unit(h) switch
        {
            < 0.25 => null,
            < 0.4 => "",
            < 0.85 => box + "@example.com",
            _ => new[] { box + "@example.com", box + "@example.org" },
        };
    }

    /// <summary>Unix seconds of the order time when it is a date string, else null (0 and null match no range).</summary>
    private static long? OrderCreatedUnix(StoredTracking t)
    {
        var h = H(t, Field.OrderTime);
        return StableHash.Unit(h) < 0.65 ? null : (t.CreatedAt - 3600 - (long)(h % (72 * 3600))) / 60 * 60;
    }

    private static object? OrderCreateTime(StoredTracking t)
    {
        var h = H(t, Field.OrderTime);
        return StableHash.Unit(h) switch
        {
            < 0.3 => null,
            < 0.65 => 0L,
            _ => Dates.LocalString(OrderCreatedUnix(t)!.Value, Dates.ServiceOffsetHours, seconds: false),
        };
    }
}
