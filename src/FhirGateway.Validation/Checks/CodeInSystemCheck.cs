using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A Coding's code must be defined by its system, and its display must fit, whatever the binding: checked
/// through the terminology service for the systems it holds. A system it does not hold (LOINC, SNOMED CT) cannot
/// be decided offline and passes without an issue.
/// </summary>
internal sealed class CodeInSystemCheck : IElementCheck
{
    public static readonly CodeInSystemCheck Instance = new();

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (run.Engine.Terminology is not { } terminology) return CheckResult.Success;
        if (node.Child("system")?.Text is not { } system || node.Child("code")?.Text is not { } code) return CheckResult.Success;
        var check = terminology.ValidateCodeInSystem(system, code, node.Child("display")?.Text, node.Child("version")?.Text);
        if (check.Outcome == CodeCheckOutcome.Undecided || check.Issues.Count == 0) return CheckResult.Success;
        var result = CheckResult.Success;
        foreach (var issue in check.Issues)
            if (issue.Severity != IssueSeverity.Information) result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Place(issue, node)));
        return result;
    }
}
