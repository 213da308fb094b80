using System.Globalization;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// The range an item sets on its answers (the minValue and maxValue extensions, SDC's minQuantity and maxQuantity,
/// maxDecimalPlaces): numbers by value; dates, dateTimes and times by the instant they start at (so 2022-06-30 is
/// after a maximum of 2022-06, as Questionnaire tools read a bound); quantities by FHIRPath with UCUM conversion,
/// which needs formal (UCUM) units on both sides.
/// </summary>
internal sealed class AnswerRanges(ValidationRun run, QuestionnaireItem item, ResultBuilder result)
{
    private const string Ucum = "http://unitsofmeasure.org";

    public void Check(ElementNode value)
    {
        if (value.InstanceType == "decimal" && item.MaxDecimalPlaces is { } places && value.Text is { } text)
        {
            var decimals = DecimalPlaces(text);
            if (decimals > places) result.Add(IssueAt.Node(IssueCatalogue.ValQrDecimalPlaces, value, text, decimals, places));
        }
        if (item.MinValue is { } min) Compare(value, min, isMinimum: true);
        if (item.MaxValue is { } max) Compare(value, max, isMinimum: false);
    }

    private void Compare(ElementNode value, ElementNode bound, bool isMinimum)
    {
        int? order = value.InstanceType switch
        {
            "decimal" or "integer" => CompareNumbers(value.Text, bound.Text),
            "date" or "dateTime" or "time" when value.Text is not null && bound.Text is not null => string.CompareOrdinal(Start(value.Text), Start(bound.Text)),
            "Quantity" => CompareQuantities(value, bound, isMinimum),
            _ => null,
        };
        if (order is null) return;
        if (isMinimum ? order < 0 : order > 0)
            result.Add(IssueAt.Node(isMinimum ? IssueCatalogue.ValMinValue : IssueCatalogue.ValMaxValue, value, AnswerRules.Describe(value), AnswerRules.Describe(bound)));
    }

    private int? CompareQuantities(ElementNode value, ElementNode bound, bool isMinimum)
    {
        if (!IsUcum(value) || !IsUcum(bound))
        {
            result.Add(IssueAt.Node(IssueCatalogue.ValQrNoFormalUnits, value, AnswerRules.Describe(value), isMinimum ? "minimum" : "maximum", AnswerRules.Describe(bound)));
            return null;
        }
        var environment = run.Environment with
        {
            Variables = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal) { ["value"] = [value], ["bound"] = [bound] },
        };
        try
        {
            var less = run.Engine.FhirPath.Compile("%value < %bound").Predicate(value, environment);
            var greater = run.Engine.FhirPath.Compile("%value > %bound").Predicate(value, environment);
            return less == true ? -1 : greater == true ? 1 : less is null ? null : 0;
        }
        catch (FhirPathEvaluationException)
        {
            return null;
        }
    }

    private static bool IsUcum(ElementNode quantity) => quantity.Child("system")?.Text == Ucum && quantity.Child("code")?.Text is not null;

    private static int? CompareNumbers(string? a, string? b) =>
        decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y)
            ? x.CompareTo(y)
            : null;

    /// <summary>A date, dateTime or time written out to the second, missing parts at their start, so that text order is time order.</summary>
    private static string Start(string text)
    {
        if (text.Length >= 2 && text[2] == ':') return text.Length >= 8 ? text[..8] : text + ":00:00"[(text.Length - 2)..];
        var date = text.Length >= 10 ? text[..10] : text.Length == 7 ? text + "-01" : text + "-01-01";
        var time = text.Length > 11 ? text[11..Math.Min(text.Length, 19)] : "00:00:00";
        return $"{date}T{time}";
    }

    private static int DecimalPlaces(string text)
    {
        var mantissa = text.Split('e', 'E')[0];
        var dot = mantissa.IndexOf('.');
        return dot < 0 ? 0 : mantissa.Length - dot - 1;
    }
}
