using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// fixed[x] (exact: the same properties and items, nothing more but ids and extensions) or pattern[x]
/// (everything the pattern says is in the element, which may say more: a CodeableConcept pattern with one coding
/// is met by a concept having that coding among others; an Identifier pattern by an identifier with that system;
/// a Quantity pattern by a quantity with that unit and code). The message names the child that differs.
/// </summary>
internal sealed class ValueMatchCheck(ValueTree value, bool exact) : IElementCheck
{
    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (ValueMatcher.Matches(node, value, exact)) return CheckResult.Success;
        var where = ValueDifference.Explain(node, value, exact);
        return CheckResult.Of(exact
            ? IssueAt.Node(IssueCatalogue.ValFixedMismatch, node, ValueMatcher.Describe(node), $"'{value.Display}'", where)
            : IssueAt.Node(IssueCatalogue.ValPatternMismatch, node, ValueMatcher.Describe(node), value.Display, where));
    }
}
