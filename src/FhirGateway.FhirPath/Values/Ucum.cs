using FhirGateway.Fhir.Ucum;

namespace FhirGateway.FhirPath.Values;

/// <summary>
/// Quantities in UCUM for comparison and arithmetic, over the one UCUM model (<see cref="UcumCanonical"/>, the
/// specification's full table): a quantity is scaled to its canonical value and dimension, so that units of the same
/// dimension compare after scaling; a unit UCUM does not convert (not UCUM, a special unit inside a compound) compares
/// only with the identical unit string. Calendar keywords week/day/hour/minute/second/millisecond are the UCUM
/// definite durations; year and month are calendar durations, comparable with each other but not equal to
/// <c>'a'</c>/<c>'mo'</c> (spec §Quantity equality).
/// </summary>
internal static class Ucum
{
    private static readonly Dictionary<string, string> CalendarToUcum = new(StringComparer.Ordinal)
    {
        ["week"] = "wk", ["day"] = "d", ["hour"] = "h", ["minute"] = "min", ["second"] = "s", ["millisecond"] = "ms",
    };

    /// <summary>The dimension of a quantity's unit (<c>g.m-1</c>; <c>calendar-year</c>/<c>calendar-month</c> for those calendar durations); null when the unit does not convert.</summary>
    public static string? Dimension(Quantity q) => IsCalendar(q) ? "calendar-" + q.CalendarUnit : Unit(UcumUnit(q))?.Dimension;

    /// <summary>
    /// Compares two quantities in canonical units (exactly as far as the factors are exact, to 25 significant digits
    /// after divisions); null when the units are not commensurable.
    /// </summary>
    public static int? Compare(Quantity a, Quantity b)
    {
        if (IsCalendar(a) || IsCalendar(b)) return a.CalendarUnit == b.CalendarUnit ? a.Value.CompareTo(b.Value) : null;
        if (Unit(UcumUnit(a)) is not { } ua || Unit(UcumUnit(b)) is not { } ub || ua.Dimension != ub.Dimension) return null;
        if (ua.IsSpecial && UcumUnit(a) != UcumUnit(b)) return null;
        return UcumScale.Of(a.Value).Times(ua.Scale).CompareTo(UcumScale.Of(b.Value).Times(ub.Scale));
    }

    /// <summary>The value of <paramref name="q"/> expressed in the unit of <paramref name="target"/>; null when the two units are not commensurable.</summary>
    public static decimal? ValueIn(Quantity q, Quantity target)
    {
        if (IsCalendar(q) || IsCalendar(target)) return q.CalendarUnit == target.CalendarUnit ? q.Value : null;
        return ValueIn(q, UcumUnit(target));
    }

    /// <summary>The value of <paramref name="q"/> expressed in <paramref name="unit"/> (a UCUM unit); null when not commensurable.</summary>
    public static decimal? ValueIn(Quantity q, string unit)
    {
        if (IsCalendar(q) || UcumCanonical.Factor(Known(UcumUnit(q)), Known(unit)) is not { } factor) return null;
        try
        {
            return q.Value * factor;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static bool IsCalendar(Quantity q) => q.CalendarUnit is "year" or "month";

    /// <summary>Multiplies or divides two quantities, in canonical units; null when either unit does not convert.</summary>
    public static Quantity? Combine(Quantity a, Quantity b, bool divide)
    {
        if (a.IsCalendarDuration || b.IsCalendarDuration) return null;
        if (Unit(a.Unit) is not { } ua || Unit(b.Unit) is not { } ub || (b.Value == 0 && divide)) return null;
        if (ua.Times(ub, divide) is not { } unit) return null;
        try
        {
            var value = (divide ? a.Value / b.Value : a.Value * b.Value) * unit.Scale.ToDecimal();
            return new Quantity(value, unit.Dimension.Length == 0 ? "1" : unit.Dimension);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The UCUM unit of a quantity: its unit, or the UCUM definite duration for a calendar keyword (week → wk).</summary>
    private static string UcumUnit(Quantity q) => q.CalendarUnit is { } cal && CalendarToUcum.TryGetValue(cal, out var ucum) ? ucum : q.Unit;

    private static string Known(string unit) => unit.Length == 0 ? "1" : unit;

    private static UcumCanonicalUnit? Unit(string unit) => UcumCanonical.Of(Known(unit)).Unit;
}
