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

    /// <summary>"2015-10-30T11:35:16+08:00".</summary>
    public static int FormatIso(Span<char> dst, long unix)
    {
        var n = FormatLocal(dst, unix, ServiceOffsetHours, seconds: true);
        dst[10] = 'T';
        "+08:00".CopyTo(dst[n..]);
        return n + 6;
    }

    /// <summary>"2015-10-25 15:01" or "2015-10-25 15:01:07". Written by hand: DateTime's custom formats are slow
    /// enough to show up in a 2000-item page.</summary>
    public static int FormatLocal(Span<char> dst, long unix, int offsetHours, bool seconds)
    {
        var local = unix + offsetHours * 3600L;
        var days = Math.DivRem(local, 86400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            secondOfDay += 86400;
            days--;
        }
        var (year, month, day) = CivilFromDays(days);
        Digits(dst[..4], year);
        dst[4] = '-';
        Digits(dst.Slice(5, 2), month);
        dst[7] = '-';
        Digits(dst.Slice(8, 2), day);
        dst[10] = ' ';
        Digits(dst.Slice(11, 2), (int)(secondOfDay / 3600));
        dst[13] = ':';
        Digits(dst.Slice(14, 2), (int)(secondOfDay / 60 % 60));
        if (!seconds) return 16;
        dst[16] = ':';
        Digits(dst.Slice(17, 2), (int)(secondOfDay % 60));
        return 19;
    }

    private static void Digits(Span<char> dst, int value)
    {
        for (var i = dst.Length - 1; i >= 0; i--)
        {
            dst[i] = (char)('0' + value % 10);
            value /= 10;
        }
    }

    /// <summary>Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days).</summary>
    private static (int Year, int Month, int Day) CivilFromDays(long z)
    {
        z += 719468;
        var era = (z >= 0 ? z : z - 146096) / 146097;
        var doe = z - era * 146097;
        var yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        var doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        var mp = (5 * doy + 2) / 153;
        var day = (int)(doy - (153 * mp + 2) / 5 + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return ((int)(yoe + era * 400 + (month <= 2 ? 1 : 0)), month, day);
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
