using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// minValue[x] / maxValue[x]: the element compared with the bound by FHIRPath's own comparison, so dates of
/// different precision, and quantities in different UCUM units, compare as FHIRPath says. A value that cannot be
/// compared (unrelated units, an uncertain date) gives a warning, never an error. The bound is a FHIRPath
/// expression over <c>%bound</c>: the bound itself, or (a Duration on a date) today or now shifted by it.
/// </summary>
internal sealed class MinMaxValueCheck : IElementCheck
{
    private readonly CompiledExpression _comparison;
    private readonly IReadOnlyList<object> _bound;
    private readonly string _boundText;
    private readonly bool _isMinimum;

    public MinMaxValueCheck(FhirPathCompiler compiler, object bound, string boundText, bool isMinimum, string boundExpression = "%bound")
    {
        _comparison = compiler.Compile(isMinimum ? $"%value >= {boundExpression}" : $"%value <= {boundExpression}");
        _bound = [bound];
        _boundText = boundText;
        _isMinimum = isMinimum;
    }

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Text is null && node.Children.Count == 0) return CheckResult.Success;
        var environment = run.Environment with
        {
            Variables = new Dictionary<string, IReadOnlyList<object>>(StringComparer.Ordinal) { ["value"] = [node], ["bound"] = _bound },
        };
        bool? ok;
        try
        {
            ok = _comparison.Predicate(node, environment);
        }
        catch (FhirPathEvaluationException)
        {
            ok = null;
        }
        var shown = node.Text ?? Describe(node);
        return ok switch
        {
            true => CheckResult.Success,
            false => CheckResult.Of(IssueAt.Node(_isMinimum ? IssueCatalogue.ValMinValue : IssueCatalogue.ValMaxValue, node, shown, _boundText)),
            null => CheckResult.Undecided(IssueAt.Node(IssueCatalogue.ValValueNotComparable, node, shown, _isMinimum ? "minimum" : "maximum", _boundText)),
        };
    }

    private static string Describe(ElementNode node) =>
        node.Child("value")?.Text is { } value ? $"{value} {node.Child("code")?.Text ?? node.Child("unit")?.Text}".Trim() : node.InstanceType ?? "value";
}
