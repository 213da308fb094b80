using System.Globalization;

namespace FhirGateway.FhirPath.Operators;

/// <summary>
/// sqrt, exp, ln, log and power in System.Decimal alone (no binary floating point): Newton's method for roots, range
/// reduction and Taylor/atanh series for exp and ln, exact repeated squaring for integer powers. Transcendental results
/// are rounded to 24 significant digits (below the series' error) and lose trailing zeros, so that
/// <c>16.log(2) = 4.0</c>; a result outside System.Decimal's range is null (the function gives empty).
/// </summary>
internal static class DecimalMath
{
    private const int Digits = 24;
    private const decimal Ln2 = 0.6931471805599453094172321215m;

    public static decimal? Sqrt(decimal x)
    {
        if (x < 0) return null;
        if (x == 0) return 0m;
        var guess = x > 1 ? x / 2 : 1m;
        for (var i = 0; i < 200; i++)
        {
            var next = (guess + x / guess) / 2;
            if (next == guess) break;
            guess = next;
        }
        return Tidy(guess);
    }

    public static decimal? Exp(decimal x)
    {
        if (x > 66m) return null;
        if (x < -66m) return 0m;
        var halvings = 0;
        while (Math.Abs(x) > 0.5m)
        {
            x /= 2;
            halvings++;
        }
        decimal sum = 1m, term = 1m;
        for (var n = 1; n < 60 && term != 0; n++)
        {
            term = term * x / n;
            sum += term;
        }
        for (var i = 0; i < halvings; i++) sum *= sum;
        return Tidy(sum);
    }

    public static decimal? Ln(decimal x) => x <= 0 ? null : Tidy(RawLn(x));

    public static decimal? Log(decimal x, decimal @base)
    {
        if (x <= 0 || @base <= 0 || @base == 1) return null;
        return Tidy(RawLn(x) / RawLn(@base));
    }

    /// <summary>x to the power y: exact for integer exponents; otherwise exp(y·ln x), null for a negative base.</summary>
    public static decimal? Power(decimal x, decimal y)
    {
        try
        {
            if (y == decimal.Truncate(y) && Math.Abs(y) <= int.MaxValue)
            {
                if (x == 0 && y < 0) return null;
                var r = IntegerPower(x, (long)Math.Abs(y));
                return y < 0 ? 1m / r : r;
            }
            if (x < 0) return null;
            if (x == 0) return 0m;
            return Exp(y * RawLn(x));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static decimal IntegerPower(decimal x, long n)
    {
        var result = 1m;
        while (n > 0)
        {
            if ((n & 1) == 1) result *= x;
            n >>= 1;
            if (n > 0) x *= x;
        }
        return result;
    }

    /// <summary>ln x for x &gt; 0: x = m·2^k with m in [0.75, 1.5) (so ln 1 and ln 2^k are exact), ln m = 2·atanh((m−1)/(m+1)).</summary>
    private static decimal RawLn(decimal x)
    {
        var k = 0;
        while (x >= 1.5m)
        {
            x /= 2;
            k++;
        }
        while (x < 0.75m)
        {
            x *= 2;
            k--;
        }
        var z = (x - 1) / (x + 1);
        var z2 = z * z;
        decimal sum = 0m, power = z;
        for (var n = 1; n < 200 && power != 0; n += 2)
        {
            sum += power / n;
            power *= z2;
        }
        return 2 * sum + k * Ln2;
    }

    /// <summary>Rounds to <see cref="Digits"/> significant digits and drops trailing zeros.</summary>
    private static decimal Tidy(decimal d)
    {
        if (d == 0) return 0m;
        var abs = Math.Abs(d);
        var magnitude = -1;
        if (abs >= 1) magnitude = decimal.Truncate(abs).ToString(CultureInfo.InvariantCulture).Length - 1;
        else
        {
            for (var t = abs * 10; t < 1; t *= 10) magnitude--;
        }
        var places = Math.Clamp(Digits - 1 - magnitude, 0, 28);
        var rounded = Math.Round(d, places, MidpointRounding.ToEven);
        return decimal.Parse(rounded.ToString("G29", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
