using System.Globalization;
using System.Text.RegularExpressions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Values;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// The lexical rules of a primitive type, from the definition of its <c>value</c> element: the type's regex,
/// then what a regex cannot say — a date that exists in the calendar, an integer within 32 bits, a decimal that
/// can be held, the maximum length of a string; a canonical is absolute or a fragment; URLs on example domains when the
/// options say so.
/// </summary>
internal sealed class PrimitiveValueCheck(string typeName, Regex? pattern, string? systemType, int? maxLength) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Text is not { } text || node.IsXhtmlText()) return CheckResult.Success;
        if (pattern is not null && LexicalPatterns.IsMatch(pattern, text) == false)
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValPrimitiveLexical, node, text, typeName, LexicalReasons.Explain(typeName, text)));
        if (maxLength is { } max && text.Length > max)
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValMaxLength, node, text.Length, max));
        var issue = systemType switch
        {
            "System.Date" when PartialDate.TryParse(text) is null => IssueAt.Node(IssueCatalogue.ValDateInvalid, node, text, typeName),
            "System.DateTime" when PartialDateTime.TryParse(text) is null => IssueAt.Node(IssueCatalogue.ValDateInvalid, node, text, typeName),
            "System.Time" when PartialTime.TryParse(text) is null => IssueAt.Node(IssueCatalogue.ValDateInvalid, node, text, typeName),
            "System.Decimal" when !double.IsFinite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)) =>
                IssueAt.Node(IssueCatalogue.ValDecimalRange, node, text),
            _ when IsInteger() && !InRange(text) => IssueAt.Node(IssueCatalogue.ValIntegerRange, node, text, typeName, Minimum, int.MaxValue),
            _ => null,
        };
        if (issue is not null) return CheckResult.Of(issue);
        if (typeName is "canonical" or "uri" or "url" && UrlRules.Check(node, text, typeName, run.Options) is { } urlIssue) return CheckResult.Of(urlIssue);
        return run.Options.SecurityChecks && systemType == "System.String" ? HtmlInText.Check(node, text) : CheckResult.Success;
    }

    private bool IsInteger() => systemType == "System.Integer" || typeName is "positiveInt" or "unsignedInt";

    private long Minimum => typeName switch { "positiveInt" => 1, "unsignedInt" => 0, _ => int.MinValue };

    private bool InRange(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= Minimum && n <= int.MaxValue;
}

internal static class ElementNodeText
{
    /// <summary>True for the xhtml of a narrative <c>div</c>, whose text is markup checked by the narrative rules.</summary>
    public static bool IsXhtmlText(this ElementNode node) => node.InstanceType == "xhtml";
}
