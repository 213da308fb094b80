using System.Globalization;
using System.Text.RegularExpressions;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Operators;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Functions;

/// <summary>Conversion functions (spec §5.5): iif and the toX()/convertsToX() pairs, each on a single item.</summary>
internal static partial class ConversionFunctions
{
    public static void Register(FunctionTable.Registry r)
    {
        r.Add("iif(Criterion, Expression, Expression?): Any", false, Iif);
        Pair(r, "Boolean", ToBoolean);
        Pair(r, "Integer", ToInteger);
        Pair(r, "Decimal", ToDecimal);
        Pair(r, "String", ToStringValue);
        Pair(r, "Date", ToDate);
        Pair(r, "DateTime", ToDateTime);
        Pair(r, "Time", ToTime);
        r.Add("toQuantity(String?): Quantity", true, static (f, a, in s) => Items.Single(ToQuantity(Input(f, "toQuantity"), a.String(0, s, "toQuantity"))));
        r.Add("convertsToQuantity(String?): Boolean", true, static (f, a, in s) => Items.Bool(ToQuantity(Input(f, "convertsToQuantity"), a.String(0, s, "convertsToQuantity")) is not null));
    }

    /// <summary>Registers toX() and convertsToX() for one converter.</summary>
    private static void Pair(FunctionTable.Registry r, string type, Func<object, object?> convert)
    {
        var to = "to" + type;
        var converts = "convertsTo" + type;
        r.Add($"{to}(): {type}", true, (f, _, in _) => Items.Single(convert(Input(f, to))));
        r.Add($"{converts}(): Boolean", true, (f, _, in _) => Items.Bool(convert(Input(f, converts)) is not null));
    }

    private static object Input(IReadOnlyList<object> focus, string name) =>
        Items.ToSystem(Items.SingleOrNone(focus, name + "()")!) ?? throw new EvaluationError($"{name}() needs a value");

    /// <summary>
    /// iif(criterion, true-result, otherwise-result): the criterion and results are evaluated on the input, the single
    /// item or nothing, as the HL7 engine does: R4's ctm-1 relies on <c>member.resolve().iif(empty(), true, …)</c> being
    /// true when the reference does not resolve.
    /// </summary>
    private static IReadOnlyList<object> Iif(IReadOnlyList<object> focus, FunctionArgs args, in Scope scope)
    {
        if (focus.Count > 1) throw new EvaluationError($"iif() expects at most one input item but got {focus.Count}");
        var inner = focus.Count == 1 ? scope.WithInput(focus[0]) : scope.WithEmptyInput();
        var criterion = args[0](inner);
        if (criterion.Count > 1 || (criterion.Count == 1 && Items.ToSystem(criterion[0]) is not bool))
            throw new EvaluationError("The criterion of iif() must be a single boolean");
        if (Logic.ToBoolean(criterion, "iif()") == true) return args[1](inner);
        return args.Count > 2 ? args[2](inner) : Items.Empty;
    }

    private static object? ToBoolean(object v) => v switch
    {
        bool => v,
        int i => i == 1 ? Items.True : i == 0 ? Items.False : null,
        decimal d => d == 1m ? Items.True : d == 0m ? Items.False : null,
        string s => s.ToLowerInvariant() switch
        {
            "true" or "t" or "yes" or "y" or "1" or "1.0" => Items.True,
            "false" or "f" or "no" or "n" or "0" or "0.0" => Items.False,
            _ => null,
        },
        _ => null,
    };

    private static object? ToInteger(object v) => v switch
    {
        int => v,
        bool b => b ? 1 : 0,
        string s when IntegerPattern().IsMatch(s) && int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    private static object? ToDecimal(object v) => v switch
    {
        decimal => v,
        int i => (decimal)i,
        bool b => b ? 1.0m : 0.0m,
        string s when DecimalPattern().IsMatch(s) && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static object? ToStringValue(object v) => v switch
    {
        string => v,
        bool or int or long or decimal or PartialDate or PartialDateTime or PartialTime or Quantity => Items.Format(v),
        _ => null,
    };

    private static object? ToDate(object v) => v switch
    {
        PartialDate => v,
        PartialDateTime dt => dt.ToDate(),
        string s => (object?)PartialDate.TryParse(s) ?? PartialDateTime.TryParse(s)?.ToDate(),
        _ => null,
    };

    private static object? ToDateTime(object v) => v switch
    {
        PartialDateTime => v,
        PartialDate d => d.ToDateTime(),
        string s => PartialDateTime.TryParse(s),
        _ => null,
    };

    private static object? ToTime(object v) => v switch
    {
        PartialTime => v,
        string s => PartialTime.TryParse(s.StartsWith('T') ? s[1..] : s),
        _ => null,
    };

    /// <summary>A number gets unit '1'; a string is read as a quantity literal; with a unit argument the value is converted when the units are compatible.</summary>
    private static Quantity? ToQuantity(object v, string? unit)
    {
        var q = v switch
        {
            Quantity x => x,
            int i => new Quantity(i, "1"),
            decimal d => new Quantity(d, "1"),
            bool b => new Quantity(b ? 1.0m : 0.0m, "1"),
            string s => Quantity.TryParse(s),
            _ => null,
        };
        if (q is null || unit is null || unit == q.Unit) return q;
        return Ucum.ValueIn(q, new Quantity(1m, unit)) is { } value ? new Quantity(value, unit) : null;
    }

    [GeneratedRegex(@"^[+-]?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[+-]?\d+(\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();
}
