using System.Globalization;

namespace FhirGateway.FhirPath.Values;

/// <summary>
/// A System.Quantity: an exact decimal value and a unit, either a UCUM code (<c>mg</c>, <c>'1'</c>) or a
/// calendar duration keyword (<c>year</c>, <c>days</c>), as written.
/// </summary>
public sealed record Quantity(decimal Value, string Unit)
{
    private static readonly Dictionary<string, string> CalendarSingular = new(StringComparer.Ordinal)
    {
        ["years"] = "year", ["months"] = "month", ["weeks"] = "week", ["days"] = "day", ["hours"] = "hour",
        ["minutes"] = "minute", ["seconds"] = "second", ["milliseconds"] = "millisecond",
        ["year"] = "year", ["month"] = "month", ["week"] = "week", ["day"] = "day", ["hour"] = "hour",
        ["minute"] = "minute", ["second"] = "second", ["millisecond"] = "millisecond",
    };

    /// <summary>True when the unit is a calendar duration keyword rather than a UCUM code.</summary>
    public bool IsCalendarDuration => CalendarSingular.ContainsKey(Unit);

    /// <summary>The singular calendar keyword (<c>day</c> for <c>days</c>), or null for a UCUM unit.</summary>
    public string? CalendarUnit => CalendarSingular.GetValueOrDefault(Unit);

    /// <summary>Parses the FHIRPath form <c>number</c>, <c>number 'ucum'</c> or <c>number calendar-keyword</c>; null otherwise.</summary>
    public static Quantity? TryParse(string text)
    {
        var s = text.Trim();
        var space = s.IndexOf(' ');
        var number = space < 0 ? s : s[..space];
        if (!TryParseNumber(number, out var value)) return null;
        if (space < 0) return new Quantity(value, "1");
        var unit = s[(space + 1)..].Trim();
        if (unit.Length >= 2 && unit[0] == '\'' && unit[^1] == '\'') return new Quantity(value, unit[1..^1]);
        return CalendarSingular.ContainsKey(unit) ? new Quantity(value, unit) : null;
    }

    private static bool TryParseNumber(string s, out decimal value)
    {
        value = 0;
        if (s.Length == 0) return false;
        var i = s[0] is '+' or '-' ? 1 : 0;
        var dot = false;
        var digits = 0;
        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i])) digits++;
            else if (s[i] == '.' && !dot && digits > 0) { dot = true; digits = 0; }
            else return false;
        }
        return digits > 0 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The FHIRPath string form: <c>1 'wk'</c>, <c>1 week</c>.</summary>
    public override string ToString()
    {
        var v = Value.ToString(CultureInfo.InvariantCulture);
        return IsCalendarDuration ? $"{v} {Unit}" : $"{v} '{Unit}'";
    }
}
