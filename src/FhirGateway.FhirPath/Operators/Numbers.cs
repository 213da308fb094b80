using System.Globalization;

namespace FhirGateway.FhirPath.Operators;

/// <summary>Integer/decimal promotion and the precision rules of decimal equivalence.</summary>
internal static class Numbers
{
    public static bool IsNumber(object? x) => x is int or long or decimal;

    public static decimal ToDecimal(object x) => x switch
    {
        int i => i,
        long l => l,
        decimal d => d,
        _ => throw new InvalidCastException(),
    };

    public static bool TryDecimal(object? x, out decimal d)
    {
        switch (x)
        {
            case int i: d = i; return true;
            case long l: d = l; return true;
            case decimal m: d = m; return true;
            default: d = 0; return false;
        }
    }

    /// <summary>The number of decimal places as written (the decimal's scale).</summary>
    public static int Scale(decimal d) => (decimal.GetBits(d)[3] >> 16) & 0xFF;

    /// <summary>Decimal equivalence: both rounded to the precision of the less precise one, then compared.</summary>
    public static bool EquivalentDecimals(decimal a, decimal b)
    {
        var p = Math.Min(Scale(a), Scale(b));
        return Math.Round(a, p, MidpointRounding.AwayFromZero) == Math.Round(b, p, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The lexical form of a decimal: its digits as held, scale kept (<c>1.50</c>); a zero that carries a minus sign (a
    /// boundary just below zero, <c>(-0.0034).lowBoundary(1)</c>) prints as <c>-0.0</c>.
    /// </summary>
    public static string Format(decimal d)
    {
        var text = d.ToString(CultureInfo.InvariantCulture);
        return d == 0m && decimal.IsNegative(d) ? "-" + text : text;
    }

    /// <summary>A result of arithmetic with any minus sign on zero dropped (only boundaries keep a signed zero).</summary>
    public static decimal Unsigned0(decimal d) => d == 0m && decimal.IsNegative(d) ? decimal.Negate(d) : d;
}
