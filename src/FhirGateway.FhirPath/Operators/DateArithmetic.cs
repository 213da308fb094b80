using System.Globalization;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Operators;

/// <summary>
/// Date/time plus or minus a time-valued quantity (spec §6.6.7): the amount is truncated to a whole number of
/// its unit; the result keeps the value's precision and offset. UCUM <c>'a'</c> and <c>'mo'</c> are not
/// calendar durations and are refused, as are non-time units.
/// </summary>
internal static class DateArithmetic
{
    public static PartialDate Add(PartialDate d, Quantity q, int sign)
    {
        var dt = Shift(d.Parts.ToDateTime(false), q, sign, allowDate: true);
        return new PartialDate(DateTimeParts.From(dt, d.Precision, null, false));
    }

    public static PartialDateTime Add(PartialDateTime d, Quantity q, int sign)
    {
        var dt = Shift(d.Parts.ToDateTime(false), q, sign, allowDate: true);
        var parts = DateTimeParts.From(dt, d.Precision, d.Offset, d.Parts.Fraction is not null);
        return new PartialDateTime(parts);
    }

    public static PartialTime Add(PartialTime t, Quantity q, int sign)
    {
        var start = new DateTime(2000, 1, 1).Add(t.Parts.ToDateTime(false).TimeOfDay);
        var result = new DateTime(1, 1, 1).Add(Shift(start, q, sign, allowDate: false).TimeOfDay);
        return new PartialTime(DateTimeParts.From(result, t.Precision, null, t.Parts.Fraction is not null) with { Year = 1, Month = 1, Day = 1 });
    }

    private static DateTime Shift(DateTime dt, Quantity q, int sign, bool allowDate)
    {
        var unit = q.CalendarUnit ?? q.Unit switch
        {
            "d" => "day",
            "wk" => "week",
            "h" => "hour",
            "min" => "minute",
            "s" => "second",
            "ms" => "millisecond",
            "a" or "mo" => throw new EvaluationError($"'{q.Unit}' is not a calendar duration; use {(q.Unit == "a" ? "year" : "month")} for date arithmetic"),
            _ => throw new EvaluationError($"Cannot add {q} to a date/time"),
        };
        var n = (int)decimal.Truncate(q.Value) * sign;
        try
        {
            return unit switch
            {
                "year" when allowDate => dt.AddYears(n),
                "month" when allowDate => dt.AddMonths(n),
                "week" when allowDate => dt.AddDays(7 * n),
                "day" when allowDate => dt.AddDays(n),
                "hour" => dt.AddHours(n),
                "minute" => dt.AddMinutes(n),
                "second" => dt.AddSeconds(n),
                "millisecond" => dt.AddMilliseconds(n),
                _ => throw new EvaluationError($"Cannot add {q} to a time"),
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new EvaluationError(string.Create(CultureInfo.InvariantCulture, $"Date arithmetic out of range ({q})"));
        }
    }
}
