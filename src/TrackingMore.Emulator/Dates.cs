using System.Globalization;

namespace TrackingMore.Emulator;

/// <summary>
/// The API's time formats. created_at/updated_at are ISO-8601 in the service's zone (+08:00); checkpoint dates are
/// carrier local time without a zone, with or without seconds. Formatting goes into caller spans: a 2000-item page
/// formats tens of thousands of dates.
/// </summary>
internal static class Dates
{
    public const int ServiceOffsetHours = 8;

    private static DateTime Local(long unix, int offsetHours) => DateTime.UnixEpoch.AddSeconds(unix + offsetHours * 3600L);

    /// <summary>"2015-10-30T11:35:16+08:00".</summary>
    public static int FormatIso(Span<char> dst, long unix)
    {
        Local(unix, ServiceOffsetHours).TryFormat(dst, out var n, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        "+08:00".CopyTo(dst[n..]);
        return n + 6;
    }

    /// <summary>"2015-10-25 15:01" or "2015-10-25 15:01:07".</summary>
    public static int FormatLocal(Span<char> dst, long unix, int offsetHours, bool seconds)
    {
        Local(unix, offsetHours).TryFormat(dst, out var n, seconds ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm",
            CultureInfo.InvariantCulture);
        return n;
    }

    public static string Iso(long unix)
    {
        Span<char> buf = stackalloc char[32];
        return new string(buf[..FormatIso(buf, unix)]);
    }

    public static string LocalString(long unix, int offsetHours, bool seconds)
    {
        Span<char> buf = stackalloc char[32];
        return new string(buf[..FormatLocal(buf, unix, offsetHours, seconds)]);
    }

    private static readonly string[] LooseFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd", "yyyyMMdd"];

    /// <summary>
    /// Reads a user-supplied time (order_create_time): unix seconds, or a date in one of the usual layouts taken
    /// as service time (+08:00), or ISO-8601 with an offset.
    /// </summary>
    public static bool TryParseLoose(string? s, out long unix)
    {
        unix = 0;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        if (s.Length <= 11 && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out unix) && s.Length != 8)
            return true;
        if (DateTime.TryParseExact(s, LooseFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            unix = (long)(local - DateTime.UnixEpoch).TotalSeconds - ServiceOffsetHours * 3600L;
            return true;
        }
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
        {
            unix = dto.ToUnixTimeSeconds();
            return true;
        }
        return false;
    }
}
