using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A constraint (invariant) evaluated by FHIRPath on the element: when it is false, an issue with the
/// constraint's severity (best-practice constraints as the options say). An empty result passes, as the
/// constraint does not apply; an expression that fails at run time gives a warning. <c>%resource</c> is the
/// resource whose structure is being validated; for a constraint that a resource-typed element (a Bundle entry's
/// resource) takes over from its type or type profile (<paramref name="ofTheResource"/>), the element's own resource.
/// </summary>
internal sealed class InvariantCheck(string key, IssueSeverity severity, string human, CompiledExpression expression, bool bestPractice, bool ofTheResource = false)
    : IElementCheck
{
    private readonly Func<ElementNode, bool>? _native = NativeInvariants.For(key, expression.Text);

    public string Key => key;

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        var handling = run.Options.BestPractice;
        if (bestPractice && handling == BestPracticeHandling.Ignore) return CheckResult.Success;
        bool? holds;
        try
        {
            holds = _native is not null ? _native(node) : expression.Predicate(node, ofTheResource && node.IsResource ? run.EnvironmentFor(node) : run.Environment);
        }
        catch (FhirPathEvaluationException e)
        {
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValInvariantNotEvaluated, node, key, e.Message));
        }
        if (holds != false) return CheckResult.Success;
        var reported = bestPractice ? (handling == BestPracticeHandling.Error ? IssueSeverity.Error : IssueSeverity.Warning) : severity;
        return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValInvariantFailed, reported, node, key, human));
    }

    public override string ToString() => $"{key}: {expression.Text}";
}
