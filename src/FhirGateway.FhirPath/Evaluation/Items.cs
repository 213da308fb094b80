using System.Globalization;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Collection helpers and the mapping of FHIR primitives and Quantities to System values.</summary>
internal static class Items
{
    public static readonly IReadOnlyList<object> Empty = Array.Empty<object>();
    public static readonly object True = true;
    public static readonly object False = false;
    public static readonly IReadOnlyList<object> TrueList = [True];
    public static readonly IReadOnlyList<object> FalseList = [False];

    private static readonly IReadOnlyList<object>[] SmallIntegers = Enumerable.Range(0, 64).Select(i => (IReadOnlyList<object>)[i]).ToArray();

    public static IReadOnlyList<object> Bool(bool b) => b ? TrueList : FalseList;

    /// <summary>A one-integer collection; the small ones (counts) are shared, not allocated.</summary>
    public static IReadOnlyList<object> Integer(int n) => n >= 0 && n < SmallIntegers.Length ? SmallIntegers[n] : [n];

    public static IReadOnlyList<object> Bool(bool? b) => b is null ? Empty : b.Value ? TrueList : FalseList;

    public static IReadOnlyList<object> Single(object? item) => item is null ? Empty : [item];

    public static object Box(bool b) => b ? True : False;

    /// <summary>The single item of a collection, null when empty; an error for more than one item.</summary>
    public static object? SingleOrNone(IReadOnlyList<object> c, string what)
    {
        if (c.Count == 0) return null;
        if (c.Count > 1) throw new EvaluationError($"{what} expects a single item but got {c.Count}");
        return c[0];
    }

    /// <summary>The System value of an item: FHIR primitives become bool/int/decimal/string/date types, FHIR Quantities become <see cref="Quantity"/>; other nodes stay nodes; a primitive without a value gives null.</summary>
    public static object? ToSystem(object item)
    {
        if (item is not ElementNode node) return item;
        if (node.Text is { } text)
        {
            switch (SystemTypeOf(node))
            {
                case "System.Boolean": return text == "true" ? True : text == "false" ? False : text;
                case "System.Integer": return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i) ? i : text;
                case "System.Decimal": return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text;
                case "System.Date": return (object?)PartialDate.TryParse(text) ?? text;
                case "System.DateTime": return (object?)PartialDateTime.TryParse(text) ?? text;
                case "System.Time": return (object?)PartialTime.TryParse(text) ?? text;
                default: return text;
            }
        }
        if (node.IsPrimitive || node.Children.Count == 0) return node.IsPrimitive ? null : node;
        if (IsQuantity(node)) return ToQuantity(node) ?? (object)node;
        return node;
    }

    /// <summary>The FHIRPath system type of a primitive node: from its descriptor, else from the type code.</summary>
    public static string SystemTypeOf(ElementNode node)
    {
        // The R4 definitions give the value elements of positiveInt and unsignedInt the type System.String, but
        // both derive from integer and are integers in FHIRPath (eld-2 compares min <= max.toInteger()).
        if (node.InstanceType is "positiveInt" or "unsignedInt") return "System.Integer";
        if (node.Type?.SystemType is { } st) return st;
        return node.InstanceType switch
        {
            "boolean" => "System.Boolean",
            "integer" or "positiveInt" or "unsignedInt" => "System.Integer",
            "decimal" => "System.Decimal",
            "date" => "System.Date",
            "dateTime" or "instant" => "System.DateTime",
            "time" => "System.Time",
            _ => "System.String",
        };
    }

    public static bool IsQuantity(ElementNode node) =>
        node.InstanceType is "Quantity" or "Age" or "Duration" or "Distance" or "Count" or "SimpleQuantity" or "MoneyQuantity"
        || node.Type?.BaseTypeName == "Quantity";

    /// <summary>A FHIR Quantity as a System Quantity: the UCUM code when the system is UCUM (or absent), else the unit text.</summary>
    public static Quantity? ToQuantity(ElementNode node)
    {
        var valueText = node.Child("value")?.Text;
        if (valueText is null || !decimal.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
        var system = node.Child("system")?.Text;
        var code = node.Child("code")?.Text;
        var unit = code is not null && (system is null || system == "http://unitsofmeasure.org") ? code : node.Child("unit")?.Text ?? code ?? "1";
        return new Quantity(value, unit);
    }

    /// <summary>The string value of an item (a string, or a FHIR primitive mapped to System.String); null otherwise.</summary>
    public static string? AsString(object item) => ToSystem(item) as string;

    /// <summary>The FHIRPath type name of a System value (<c>Integer</c>), or null for nodes.</summary>
    public static string? SystemTypeName(object value) => value switch
    {
        bool => "Boolean",
        int => "Integer",
        long => "Integer",
        decimal => "Decimal",
        string => "String",
        PartialDate => "Date",
        PartialDateTime => "DateTime",
        PartialTime => "Time",
        Quantity => "Quantity",
        _ => null,
    };

    /// <summary>The string form used by toString(), join(), trace and the CLI.</summary>
    public static string Format(object value) => value switch
    {
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture),
        decimal d => Operators.Numbers.Format(d),
        ElementNode n => n.Text ?? n.ToString(),
        _ => value.ToString() ?? "",
    };

    public static List<object> NewList(int capacity = 4) => new(capacity);
}
