using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A Coding's code (a Quantity's unit code) must be defined by its system, and its display must fit, whatever the binding: checked
/// through the terminology service. Only a system the definitions hold (a CodeSystem with its concepts) can make
/// a code wrong here; for others (LOINC, SNOMED CT, grammar-based systems) the service's findings, such as a bad
/// check digit, are warnings: a code of a system not held offline is never an error outside a value set that lists it.
/// </summary>
internal sealed class CodeInSystemCheck : IElementCheck
{
    public static readonly CodeInSystemCheck Instance = new();

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (run.Engine.Terminology is not { } terminology) return CheckResult.Success;
        if (node.Child("system")?.Text is not { } system || node.Child("code")?.Text is not { } code) return CheckResult.Success;
        // A Quantity's unit is checked against code systems held as definitions (v3-orderableDrugForm's TAB); UCUM units
        // are checked where a binding asks for them, not parsed again for every quantity.
        if (node.InstanceType != "Coding" && run.Schemas.Definitions.FindCodeSystem(system) is null) return CheckResult.Success;
        var check = terminology.ValidateCodeInSystem(system, code, node.Child("display")?.Text, node.Child("version")?.Text);
        if (check.Outcome == CodeCheckOutcome.Undecided || check.Issues.Count == 0) return CheckResult.Success;
        var held = run.Schemas.Definitions.FindCodeSystem(system) is { Content: "complete" or null };
        var result = CheckResult.Success;
        foreach (var issue in check.Issues)
        {
            if (issue.Severity == IssueSeverity.Information) continue;
            var placed = IssueAt.Place(held || !issue.IsError ? issue : issue with { Severity = IssueSeverity.Warning }, node);
            result = CheckResult.Combine(result, CheckResult.Of(placed));
        }
        return result;
    }
}
