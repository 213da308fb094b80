using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Functions;

/// <summary>
/// Precision functions of FHIRPath 2.1 used by R4 invariants and the suite: lowBoundary(), highBoundary(),
/// precision(), comparable(). Precision is counted in digits: 4 year, 6 month, 8 day, 10 hour, 12 minute,
/// 14 second, 17 millisecond (times: 2, 4, 6, 9). An unknown offset widens to +14:00 (low) / -12:00 (high).
/// </summary>
internal static class BoundaryFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("lowBoundary(Integer?): Input", true, static (f, a, in s) => Boundary(f, a, s, low: true));
        r.Add("highBoundary(Integer?): Input", true, static (f, a, in s) => Boundary(f, a, s, low: false));
        r.Add("precision(): Integer", true, Precision);
        r.Add("comparable(Any): Boolean", true, Comparable);
    }

    private static IReadOnlyList<object> Boundary(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope, bool low)
    {
        var name = low ? "lowBoundary" : "highBoundary";
        var value = Items.ToSystem(Items.SingleOrNone(focus, name + "()")!);
        var precision = args.Count > 0 ? args.Integer(0, scope, name) : null;
        object? result = value switch
        {
            int i => DecimalBoundary(i, precision ?? 8, low),
            decimal d => DecimalBoundary(d, precision ?? 8, low),
            Quantity q => DecimalBoundary(q.Value, precision ?? 8, low) is { } v ? q with { Value = v } : null,
            PartialDate d => DateBoundary(d.Parts, precision ?? 8, low, date: true) is { } p ? new PartialDate(p) : null,
            PartialDateTime dt => DateBoundary(dt.Parts, precision ?? 17, low, date: false) is { } p ? new PartialDateTime(p) : null,
            PartialTime t => TimeBoundary(t.Parts, precision ?? 9, low) is { } p ? new PartialTime(p) : null,
            null => null,
            _ => throw new EvaluationError($"{name}() cannot be applied to {Comparison.Describe(value)}"),
        };
        return Items.Single(result);
    }

    /// <summary>
    /// The value widened by half a unit of its last digit, padded to <paramref name="digits"/> decimals or, when that is
    /// fewer than the value has, cut: the low boundary truncates, the high one rounds half up (for a negative value the
    /// mirror image of the positive one), which is what the HL7 suite expects.
    /// </summary>
    private static decimal? DecimalBoundary(decimal x, int digits, bool low)
    {
        if (digits is < 0 or > 28) return null;
        if (x < 0) return -DecimalBoundary(-x, digits, !low);
        var half = 5m / Pow10(Numbers.Scale(x) + 1);
        var b = low ? x - half : x + half;
        if (digits >= Numbers.Scale(b)) return b + Zero(digits);
        var cut = low ? Math.Truncate(b * Pow10(digits)) / Pow10(digits) : Math.Round(b, digits, MidpointRounding.AwayFromZero);
        return decimal.Round(cut, digits) + Zero(digits);
    }

    private static decimal Pow10(int n)
    {
        var r = 1m;
        for (var i = 0; i < n; i++) r *= 10m;
        return r;
    }

    /// <summary>Zero with <paramref name="digits"/> decimals, added to force the scale.</summary>
    private static decimal Zero(int digits) => new(0, 0, 0, false, (byte)digits);

    private static DateTimeParts? DateBoundary(DateTimeParts p, int digits, bool low, bool date)
    {
        var precision = digits switch
        {
            4 => DateTimePrecision.Year,
            6 => DateTimePrecision.Month,
            8 => DateTimePrecision.Day,
            10 => DateTimePrecision.Hour,
            12 => DateTimePrecision.Minute,
            14 or 17 => DateTimePrecision.Second,
            _ => (DateTimePrecision?)null,
        };
        if (precision is not { } target || (date && target > DateTimePrecision.Day)) return null;
        var month = p.Precision >= DateTimePrecision.Month ? p.Month : low ? 1 : 12;
        var day = p.Precision >= DateTimePrecision.Day ? p.Day : low ? 1 : DateTime.DaysInMonth(p.Year, month);
        var hour = p.Precision >= DateTimePrecision.Hour ? p.Hour : low ? 0 : 23;
        var minute = p.Precision >= DateTimePrecision.Minute ? p.Minute : low ? 0 : 59;
        var second = p.Precision >= DateTimePrecision.Second ? p.Second : low ? 0 : 59;
        var fraction = digits == 17 ? p.Fraction is { } f ? f.PadRight(3, '0')[..3] : low ? "000" : "999" : null;
        TimeSpan? offset = target >= DateTimePrecision.Hour ? p.Offset ?? (low ? new TimeSpan(14, 0, 0) : new TimeSpan(-12, 0, 0)) : null;
        return new DateTimeParts(p.Year, month, day, hour, minute, second, fraction, target, offset);
    }

    private static DateTimeParts? TimeBoundary(DateTimeParts p, int digits, bool low)
    {
        var precision = digits switch
        {
            2 => DateTimePrecision.Hour,
            4 => DateTimePrecision.Minute,
            6 or 9 => DateTimePrecision.Second,
            _ => (DateTimePrecision?)null,
        };
        if (precision is not { } target) return null;
        var minute = p.Precision >= DateTimePrecision.Minute ? p.Minute : low ? 0 : 59;
        var second = p.Precision >= DateTimePrecision.Second ? p.Second : low ? 0 : 59;
        var fraction = digits == 9 ? p.Fraction is { } f ? f.PadRight(3, '0')[..3] : low ? "000" : "999" : null;
        return p with { Minute = minute, Second = second, Fraction = fraction, Precision = target };
    }

    private static IReadOnlyList<object> Precision(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        var value = Items.ToSystem(Items.SingleOrNone(focus, "precision()")!);
        int? digits = value switch
        {
            decimal d => Numbers.Scale(d),
            int => 0,
            PartialDate d => DateDigits(d.Parts),
            PartialDateTime dt => DateDigits(dt.Parts),
            PartialTime t => t.Precision switch
            {
                DateTimePrecision.Hour => 2,
                DateTimePrecision.Minute => 4,
                _ => t.Parts.Fraction is null ? 6 : 9,
            },
            _ => null,
        };
        return digits is null ? Items.Empty : [digits.Value];
    }

    private static int DateDigits(DateTimeParts p) => p.Precision switch
    {
        DateTimePrecision.Year => 4,
        DateTimePrecision.Month => 6,
        DateTimePrecision.Day => 8,
        DateTimePrecision.Hour => 10,
        DateTimePrecision.Minute => 12,
        _ => p.Fraction is null ? 14 : 17,
    };

    private static IReadOnlyList<object> Comparable(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (Items.ToSystem(Items.SingleOrNone(focus, "comparable()")!) is not Quantity a || args.Single(0, scope, "comparable") is not Quantity b) return Items.Empty;
        var da = Ucum.Dimension(a);
        return Items.Bool(da is not null && da == Ucum.Dimension(b));
    }
}
