using System.Globalization;
using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.FhirPath.Values;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// ElementDefinition.minValue[x] and maxValue[x] → <see cref="MinMaxValueCheck"/>, with the bound turned into a FHIRPath
/// value. A Duration bound on a date, dateTime or instant is relative to the time of validation: the value must be no
/// earlier than that long before now (minValue) and no later than that long after now (maxValue).
/// </summary>
internal sealed class MinMaxValueBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        Add(element, element.Element.MinValue, isMinimum: true, checks);
        Add(element, element.Element.MaxValue, isMinimum: false, checks);
    }

    private static void Add(ElementToCompile element, FhirValue? value, bool isMinimum, List<IElementCheck> checks)
    {
        if (value is null) return;
        if (value.TypeCode == "Duration" && IsPointInTime(element.Element))
        {
            AddRelativeToNow(element, value, isMinimum, checks);
            return;
        }
        if (ToSystemValue(value) is not var (bound, text))
        {
            element.Context.Problems.Add(IssueCatalogue.ValSnapshotProblem.At(null, element.Context.Structure.Canonical,
                $"{element.Element.Path} has a {(isMinimum ? "minValue" : "maxValue")} of type {value.TypeCode} that cannot be read: {value.Json}") with { Severity = IssueSeverity.Warning });
            return;
        }
        checks.Add(new MinMaxValueCheck(element.Context.FhirPath, bound, text, isMinimum));
    }

    private static bool IsPointInTime(ElementDefinitionInfo element) =>
        element.Types.Count > 0 && element.Types.All(t => t.Code is "date" or "dateTime" or "instant");

    /// <summary>A Duration on a date: compared with today (for a date) or now, less (minimum) or plus (maximum) the duration as a calendar duration.</summary>
    private static void AddRelativeToNow(ElementToCompile element, FhirValue value, bool isMinimum, List<IElementCheck> checks)
    {
        if (ToSystemValue(value) is not ({ } parsed, _) || parsed is not Quantity { } duration || CalendarKeyword(duration.Unit) is not { } keyword)
        {
            element.Context.Problems.Add(IssueCatalogue.ValSnapshotProblem.At(null, element.Context.Structure.Canonical,
                $"{element.Element.Path} has a {(isMinimum ? "minValue" : "maxValue")} Duration that is not a time span: {value.Json}") with { Severity = IssueSeverity.Warning });
            return;
        }
        var now = element.Element.Types.All(t => t.Code == "date") ? "today()" : "now()";
        var amount = duration.Value.ToString(CultureInfo.InvariantCulture);
        var text = $"{(isMinimum ? "now less" : "now plus")} {amount} {keyword}{(duration.Value == 1 ? "" : "s")}";
        checks.Add(new MinMaxValueCheck(element.Context.FhirPath, new Quantity(duration.Value, keyword), text, isMinimum,
            $"({now} {(isMinimum ? "-" : "+")} %bound)"));
    }

    /// <summary>The FHIRPath calendar keyword of a UCUM time unit (<c>a</c> → <c>year</c>), or null for a unit that is not a time.</summary>
    private static string? CalendarKeyword(string unit) => unit switch
    {
        "a" => "year", "mo" => "month", "wk" => "week", "d" => "day", "h" => "hour", "min" => "minute", "s" => "second", "ms" => "millisecond",
        _ => null,
    };

    /// <summary>The bound as a FHIRPath system value and as text, or null when it cannot be read.</summary>
    public static (object Value, string Text)? ToSystemValue(FhirValue value)
    {
        using var document = JsonDocument.Parse(value.Json);
        var e = document.RootElement;
        switch (e.ValueKind)
        {
            case JsonValueKind.Number when decimal.TryParse(e.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return (number, e.GetRawText());
            case JsonValueKind.String:
                var text = e.GetString()!;
                object? parsed = value.TypeCode switch
                {
                    "date" => PartialDate.TryParse(text),
                    "dateTime" or "instant" => PartialDateTime.TryParse(text),
                    "time" => PartialTime.TryParse(text),
                    _ => null,
                };
                return parsed is null ? null : (parsed, text);
            case JsonValueKind.Object when e.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number:
                var unit = e.TryGetProperty("code", out var code) ? code.GetString() : e.TryGetProperty("unit", out var u) ? u.GetString() : null;
                var amount = decimal.Parse(v.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
                return (new Quantity(amount, unit ?? "1"), $"{v.GetRawText()} {unit}".Trim());
            default:
                return null;
        }
    }
}
