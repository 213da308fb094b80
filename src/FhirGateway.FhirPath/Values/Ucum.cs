using System.Collections.Concurrent;
using System.Text;

namespace FhirGateway.FhirPath.Values;

/// <summary>
/// The part of UCUM that quantity comparison and arithmetic need: units made of the common atoms
/// (mass, length, time, volume, amount, unity), with prefixes, exponents, <c>.</c> and <c>/</c>.
/// A unit is turned into a factor and a canonical dimension string (<c>g.m-1</c>) so that units of the same
/// dimension compare after scaling. Units it does not know compare only with the identical unit string.
/// Calendar keywords week/day/hour/minute/second/millisecond are the UCUM definite durations; year and month
/// are calendar durations, comparable with each other but not equal to <c>'a'</c>/<c>'mo'</c> (spec §Quantity equality).
/// </summary>
internal static class Ucum
{
    private static readonly Dictionary<string, (decimal Factor, string Base)> Atoms = new(StringComparer.Ordinal)
    {
        ["g"] = (1m, "g"), ["[lb_av]"] = (453.59237m, "g"), ["[oz_av]"] = (28.349523125m, "g"),
        ["m"] = (1m, "m"), ["[in_i]"] = (0.0254m, "m"), ["[ft_i]"] = (0.3048m, "m"), ["[mi_i]"] = (1609.344m, "m"),
        ["s"] = (1m, "s"), ["min"] = (60m, "s"), ["h"] = (3600m, "s"), ["d"] = (86400m, "s"), ["wk"] = (604800m, "s"),
        ["a"] = (31557600m, "s"), ["mo"] = (2629800m, "s"),
        ["l"] = (0.001m, "m3"), ["L"] = (0.001m, "m3"),
        ["mol"] = (1m, "mol"), ["eq"] = (1m, "eq"), ["Cel"] = (1m, "Cel"), ["K"] = (1m, "K"), ["%"] = (0.01m, ""),
        ["[iU]"] = (1m, "[iU]"), ["U"] = (1m, "U"), ["[degF]"] = (1m, "[degF]"), ["mm[Hg]"] = (1m, "mm[Hg]"),
    };

    private static readonly Dictionary<char, decimal> Prefixes = new()
    {
        ['k'] = 1000m, ['h'] = 100m, ['c'] = 0.01m, ['m'] = 0.001m, ['u'] = 0.000001m, ['n'] = 0.000000001m,
        ['p'] = 0.000000000001m, ['d'] = 0.1m, ['M'] = 1000000m,
    };

    private static readonly Dictionary<string, string> CalendarToUcum = new(StringComparer.Ordinal)
    {
        ["week"] = "wk", ["day"] = "d", ["hour"] = "h", ["minute"] = "min", ["second"] = "s", ["millisecond"] = "ms",
    };

    /// <summary>A quantity scaled to canonical units: the value and the dimension string; null when the unit is unknown.</summary>
    public static (decimal Value, string Dimension)? Canonical(Quantity q)
    {
        var unit = q.Unit;
        if (q.CalendarUnit is { } cal)
        {
            if (cal is "year" or "month") return (q.Value, "calendar-" + cal);
            unit = CalendarToUcum[cal];
        }
        return TryParse(unit, out var factor, out var dim) ? (q.Value * factor, dim) : null;
    }

    /// <summary>Multiplies or divides two quantities; null when either unit is unknown.</summary>
    public static Quantity? Combine(Quantity a, Quantity b, bool divide)
    {
        if (a.IsCalendarDuration || b.IsCalendarDuration) return null;
        if (!TryParseTerms(a.Unit, out var fa, out var da) || !TryParseTerms(b.Unit, out var fb, out var db)) return null;
        if (b.Value == 0 && divide) return null;
        foreach (var (k, e) in db) da[k] = da.GetValueOrDefault(k) + (divide ? -e : e);
        var value = divide ? a.Value * fa / (b.Value * fb) : a.Value * fa * b.Value * fb;
        var unit = Format(da);
        return new Quantity(value, unit.Length == 0 ? "1" : unit);
    }

    /// <summary>Parsed units by their text: a unit is parsed once per process (units come from a small vocabulary).</summary>
    private static readonly ConcurrentDictionary<string, (decimal Factor, string Dimension)?> Parsed = new(StringComparer.Ordinal);

    public static bool TryParse(string unit, out decimal factor, out string dimension)
    {
        var parsed = Parsed.Count < 4096 ? Parsed.GetOrAdd(unit, Parse) : Parse(unit);
        (factor, dimension) = parsed ?? (1m, "");
        return parsed is not null;
    }

    private static (decimal Factor, string Dimension)? Parse(string unit) =>
        TryParseTerms(unit, out var factor, out var dims) ? (factor, Format(dims)) : null;

    private static string Format(Dictionary<string, int> dims)
    {
        var sb = new StringBuilder();
        foreach (var (k, e) in dims.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (e == 0) continue;
            if (sb.Length > 0) sb.Append('.');
            sb.Append(k);
            if (e != 1) sb.Append(e);
        }
        return sb.ToString();
    }

    private static bool TryParseTerms(string unit, out decimal factor, out Dictionary<string, int> dims)
    {
        factor = 1m;
        dims = new Dictionary<string, int>(StringComparer.Ordinal);
        if (unit is "1" or "") return true;
        var sign = 1;
        var i = 0;
        while (i < unit.Length)
        {
            var start = i;
            var depth = 0;
            while (i < unit.Length && (depth > 0 || (unit[i] != '.' && unit[i] != '/')))
            {
                if (unit[i] == '[') depth++;
                else if (unit[i] == ']') depth--;
                i++;
            }
            if (!TryTerm(unit[start..i], out var f, out var baseUnit, out var exp)) return false;
            factor = sign > 0 ? factor * Pow(f, exp) : factor / Pow(f, exp);
            foreach (var (b, be) in Split(baseUnit)) dims[b] = dims.GetValueOrDefault(b) + sign * exp * be;
            if (i < unit.Length) sign = unit[i] == '/' ? -1 : 1;
            i++;
        }
        return true;
    }

    private static IEnumerable<(string, int)> Split(string baseUnit)
    {
        if (baseUnit.Length == 0) yield break;
        if (baseUnit == "m3") { yield return ("m", 3); yield break; }
        yield return (baseUnit, 1);
    }

    private static decimal Pow(decimal f, int exp)
    {
        var r = 1m;
        for (var k = 0; k < exp; k++) r *= f;
        return r;
    }

    private static bool TryTerm(string term, out decimal factor, out string baseUnit, out int exp)
    {
        factor = 1;
        baseUnit = "";
        exp = 1;
        if (term.Length == 0) return false;
        if (term.All(char.IsAsciiDigit)) return term == "1" || decimal.TryParse(term, out factor);
        var j = term.Length;
        while (j > 0 && (char.IsAsciiDigit(term[j - 1]) || term[j - 1] == '-') && term[..(j - 1)].Length > 0 && !term.EndsWith(']')) j--;
        var atom = term[..j];
        if (j < term.Length && !int.TryParse(term[j..], out exp)) return false;
        if (Atoms.TryGetValue(atom, out var a))
        {
            (factor, baseUnit) = a;
            return true;
        }
        if (atom.Length > 1 && Prefixes.TryGetValue(atom[0], out var p) && Atoms.TryGetValue(atom[1..], out a) && !atom[1..].StartsWith('['))
        {
            factor = p * a.Factor;
            baseUnit = a.Base;
            return true;
        }
        return false;
    }
}
