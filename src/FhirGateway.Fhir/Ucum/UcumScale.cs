using System.Globalization;

namespace FhirGateway.Fhir.Ucum;

/// <summary>
/// A conversion factor in scientific form, <see cref="Mantissa"/> × 10^<see cref="Exponent"/> with 1 ≤ |mantissa| &lt; 10,
/// so that factors from 10^-24 (yocto) to 10^24 and beyond keep decimal's 28 significant digits, where a plain decimal
/// would lose them for small factors (mL/h is 2.8 × 10^-10 m3/s). Immutable.
/// </summary>
public readonly record struct UcumScale(decimal Mantissa, int Exponent) : IComparable<UcumScale>
{
    /// <summary>Significant digits kept when comparing: conversions through divisions (1/3600) leave errors in the last of decimal's 28 digits.</summary>
    private const int ComparedDecimals = 24;

    public static readonly UcumScale One = new(1m, 0);

    public static UcumScale Of(decimal value) => Normalise(value, 0);

    public static bool TryParse(string text, out UcumScale scale)
    {
        scale = One;
        var e = text.IndexOfAny(['e', 'E']);
        if (!decimal.TryParse(e < 0 ? text : text[..e], NumberStyles.Float, CultureInfo.InvariantCulture, out var mantissa)) return false;
        var exponent = 0;
        if (e >= 0 && !int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)) return false;
        scale = Normalise(mantissa, exponent);
        return true;
    }

    public UcumScale Times(UcumScale other) => Normalise(Mantissa * other.Mantissa, Exponent + other.Exponent);

    public UcumScale DividedBy(UcumScale other) => Normalise(Mantissa / other.Mantissa, Exponent - other.Exponent);

    public UcumScale Power(int power)
    {
        var result = One;
        for (var i = 0; i < Math.Abs(power); i++) result = result.Times(this);
        return power < 0 ? One.DividedBy(result) : result;
    }

    /// <summary>Orders two scales by value, to 25 significant digits (so that 7 d and 1 wk, reached through different divisions, are equal).</summary>
    public int CompareTo(UcumScale other)
    {
        var (a, b) = (Rounded(), other.Rounded());
        var sign = Math.Sign(a.Mantissa).CompareTo(Math.Sign(b.Mantissa));
        if (sign != 0 || a.Mantissa == 0m) return sign;
        var byExponent = a.Exponent.CompareTo(b.Exponent) * Math.Sign(a.Mantissa);
        return byExponent != 0 ? byExponent : a.Mantissa.CompareTo(b.Mantissa);
    }

    private UcumScale Rounded() => Normalise(Math.Round(Mantissa, ComparedDecimals, MidpointRounding.ToEven), Exponent);

    /// <summary>The factor as a decimal; throws <see cref="OverflowException"/> when it is beyond decimal's range.</summary>
    public decimal ToDecimal()
    {
        var value = Mantissa;
        for (var i = 0; i < Exponent; i++) value *= 10m;
        for (var i = 0; i > Exponent; i--) value /= 10m;
        return value;
    }

    private static UcumScale Normalise(decimal mantissa, int exponent)
    {
        if (mantissa == 0m) return new UcumScale(0m, 0);
        while (Math.Abs(mantissa) >= 10m)
        {
            mantissa /= 10m;
            exponent++;
        }
        while (Math.Abs(mantissa) < 1m)
        {
            mantissa *= 10m;
            exponent--;
        }
        return new UcumScale(mantissa, exponent);
    }
}
