using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Validation.Definitions;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Terminology;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A required or extensible binding, checked through the terminology service. The element passes when one of
/// its codes is in the value set. When none is: required → error, extensible → warning. When the service cannot
/// decide (a code system not held offline), an informational issue and never an error. Preferred and example
/// bindings are not checked.
/// </summary>
internal sealed class BindingCheck(string valueSet, bool required) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (run.Engine.Terminology is not { } terminology || R4Errata.AllowsCode(valueSet, node.Text)) return CheckResult.Success;
        var codes = CodedValue.Of(node, out var codeable);
        if (!codeable) return CheckResult.Success;
        if (codes.Count == 0)
            return required && node.InstanceType is "CodeableConcept"
                ? CheckResult.Of(IssueAt.Node(IssueCatalogue.ValBindingNoCode, node, valueSet))
                : CheckResult.Success;
        var result = new ResultBuilder();
        var valid = false;
        var undecided = new List<(CodedValue Code, CodeCheck Check)>();
        foreach (var code in codes)
        {
            var check = terminology.ValidateCode(valueSet, code.System, code.Code, code.Display, code.Version);
            if (check.Outcome == CodeCheckOutcome.Valid)
            {
                valid = true;
                foreach (var issue in check.Issues) result.Add(IssueAt.Place(issue, code.Node));
            }
            else if (check.Outcome == CodeCheckOutcome.Undecided) undecided.Add((code, check));
        }
        if (valid) return result.ToResult();
        if (undecided.Count > 0)
        {
            var (code, check) = undecided[0];
            var why = check.Issues.Count > 0 ? check.Issues[0].Message : "the code system is not available offline";
            result.Add(IssueAt.Node(IssueCatalogue.ValBindingUndecided, code.Node, code.ToString(), valueSet, why));
            result.Add(Verdict.Undecided);
            return result.ToResult();
        }
        var first = codes[0];
        result.Add(IssueAt.Node(required ? IssueCatalogue.ValBindingRequired : IssueCatalogue.ValBindingExtensible,
            codes.Count == 1 ? first.Node : node, Describe(codes), valueSet));
        return result.ToResult();
    }

    private static string Describe(List<CodedValue> codes) =>
        codes.Count == 1 ? codes[0].ToString() : $"None of the codes ({string.Join(", ", codes.Select(c => $"{c.System}#{c.Code}"))})";
}
