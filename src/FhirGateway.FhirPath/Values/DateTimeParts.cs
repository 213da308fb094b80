using System.Globalization;
using System.Text;

namespace FhirGateway.FhirPath.Values;

/// <summary>
/// The shared representation behind <see cref="PartialDate"/>, <see cref="PartialDateTime"/> and
/// <see cref="PartialTime"/>: components up to a precision, the fraction of a second as written, and an
/// optional offset. Missing components hold their minimum (1 or 0).
/// </summary>
internal readonly record struct DateTimeParts(
    int Year, int Month, int Day, int Hour, int Minute, int Second, string? Fraction,
    DateTimePrecision Precision, TimeSpan? Offset)
{
    public decimal Seconds => Fraction is null ? Second : Second + decimal.Parse("0." + Fraction, CultureInfo.InvariantCulture);

    /// <summary>Parses <c>yyyy[-MM[-dd]]</c>; the offset and time are left out.</summary>
    public static bool TryParseDate(ReadOnlySpan<char> s, out DateTimeParts parts)
    {
        parts = default;
        if (s.Length is not (4 or 7 or 10)) return false;
        if (!Num(s[..4], out var y)) return false;
        int m = 1, d = 1;
        var p = DateTimePrecision.Year;
        if (s.Length >= 7)
        {
            if (s[4] != '-' || !Num(s.Slice(5, 2), out m) || m is < 1 or > 12) return false;
            p = DateTimePrecision.Month;
        }
        if (s.Length == 10)
        {
            if (s[7] != '-' || !Num(s.Slice(8, 2), out d) || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), m)) return false;
            p = DateTimePrecision.Day;
        }
        if (y < 1) return false;
        parts = new DateTimeParts(y, m, d, 0, 0, 0, null, p, null);
        return true;
    }

    /// <summary>Parses <c>HH[:mm[:ss[.fff…]]]</c> into the time components of <paramref name="parts"/>.</summary>
    public static bool TryParseTime(ReadOnlySpan<char> s, ref DateTimeParts parts, bool requireSeconds = false)
    {
        if (s.Length < 2 || !Num(s[..2], out var h) || h > 23) return false;
        int min = 0, sec = 0;
        string? fraction = null;
        var p = DateTimePrecision.Hour;
        if (s.Length > 2)
        {
            if (s.Length < 5 || s[2] != ':' || !Num(s.Slice(3, 2), out min) || min > 59) return false;
            p = DateTimePrecision.Minute;
            if (s.Length > 5)
            {
                if (s.Length < 8 || s[5] != ':' || !Num(s.Slice(6, 2), out sec) || sec > 59) return false;
                p = DateTimePrecision.Second;
                if (s.Length > 8)
                {
                    if (s[8] != '.' || s.Length == 9) return false;
                    foreach (var c in s[9..]) if (!char.IsAsciiDigit(c)) return false;
                    fraction = s[9..].ToString();
                }
            }
        }
        if (requireSeconds && p != DateTimePrecision.Second) return false;
        parts = parts with { Hour = h, Minute = min, Second = sec, Fraction = fraction, Precision = p };
        return true;
    }

    /// <summary>Parses <c>Z</c> or <c>±hh:mm</c>.</summary>
    public static bool TryParseOffset(ReadOnlySpan<char> s, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (s is "Z") return true;
        if (s.Length != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' || !Num(s.Slice(1, 2), out var h) || !Num(s.Slice(4, 2), out var m) || h > 14 || m > 59) return false;
        offset = new TimeSpan(h, m, 0);
        if (s[0] == '-') offset = -offset;
        return true;
    }

    private static bool Num(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }
        return true;
    }

    public void AppendDate(StringBuilder sb)
    {
        sb.Append(Year.ToString("D4", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Month) sb.Append('-').Append(Month.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Day) sb.Append('-').Append(Day.ToString("D2", CultureInfo.InvariantCulture));
    }

    public void AppendTime(StringBuilder sb)
    {
        sb.Append(Hour.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Minute) sb.Append(':').Append(Minute.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Second) sb.Append(':').Append(Second.ToString("D2", CultureInfo.InvariantCulture));
        if (Precision >= DateTimePrecision.Second && Fraction is not null) sb.Append('.').Append(Fraction);
    }

    public void AppendOffset(StringBuilder sb)
    {
        if (Offset is not { } o) return;
        if (o == TimeSpan.Zero)
        {
            sb.Append('Z');
            return;
        }
        sb.Append(o < TimeSpan.Zero ? '-' : '+');
        var a = o.Duration();
        sb.Append(a.Hours.ToString("D2", CultureInfo.InvariantCulture)).Append(':').Append(a.Minutes.ToString("D2", CultureInfo.InvariantCulture));
    }

    /// <summary>The value as a DateTime (missing parts at their minimum), shifted to UTC when an offset is known and the precision reaches hours.</summary>
    public DateTime ToDateTime(bool toUtc)
    {
        var ms = Fraction is null ? 0 : (int)(decimal.Parse("0." + Fraction, CultureInfo.InvariantCulture) * 1000m);
        var dt = new DateTime(Year, Month, Day, Hour, Minute, Second, Math.Min(ms, 999), DateTimeKind.Unspecified);
        if (toUtc && Offset is { } o && Precision >= DateTimePrecision.Hour) dt -= o;
        return dt;
    }

    /// <summary>
    /// Compares two values component by component (after normalising to UTC when both reach hours; unknown when only one of them has an offset);
    /// null when they agree up to the lesser precision and their precisions differ (the spec's "empty").
    /// </summary>
    public static int? Compare(in DateTimeParts a, in DateTimeParts b)
    {
        var x = a;
        var y = b;
        if ((a.Offset is not null || b.Offset is not null) && a.Precision >= DateTimePrecision.Hour && b.Precision >= DateTimePrecision.Hour)
        {
            if (a.Offset is null || b.Offset is null) return null;
            x = FromDateTime(a.ToDateTime(true), a);
            y = FromDateTime(b.ToDateTime(true), b);
        }
        var min = x.Precision < y.Precision ? x.Precision : y.Precision;
        int c;
        if ((c = x.Year.CompareTo(y.Year)) != 0) return c;
        if (min >= DateTimePrecision.Month && (c = x.Month.CompareTo(y.Month)) != 0) return c;
        if (min >= DateTimePrecision.Day && (c = x.Day.CompareTo(y.Day)) != 0) return c;
        if (min >= DateTimePrecision.Hour && (c = x.Hour.CompareTo(y.Hour)) != 0) return c;
        if (min >= DateTimePrecision.Minute && (c = x.Minute.CompareTo(y.Minute)) != 0) return c;
        if (min >= DateTimePrecision.Second && (c = x.Seconds.CompareTo(y.Seconds)) != 0) return c;
        return x.Precision == y.Precision ? 0 : null;
    }

    private static DateTimeParts FromDateTime(DateTime dt, in DateTimeParts shape) =>
        shape with { Year = dt.Year, Month = dt.Month, Day = dt.Day, Hour = dt.Hour, Minute = dt.Minute, Offset = TimeSpan.Zero };

    /// <summary>The components of a DateTime at a precision, keeping the fraction only to milliseconds.</summary>
    public static DateTimeParts From(DateTime dt, DateTimePrecision precision, TimeSpan? offset, bool keepFraction)
    {
        string? fraction = keepFraction ? dt.Millisecond.ToString("D3", CultureInfo.InvariantCulture) : null;
        return new DateTimeParts(dt.Year, dt.Month, dt.Day, dt.Hour, dt.Minute, dt.Second, fraction, precision, offset);
    }
}
