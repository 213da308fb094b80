using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.FhirPath.Syntax;

namespace FhirGateway.Validation.Compatibility;

/// <summary>
/// Says where a resource the gateway would send meets a known partner-validator incompatibility: each entry's
/// <c>when</c> is evaluated on resources of its type, and a hit is a <c>compat-partner-validator</c> warning at the
/// resource. Thread-safe.
/// </summary>
public sealed class PartnerCompatibility
{
    private readonly FhirPathCompiler _compiler;

    public PartnerCompatibility(ITypeModel types, IReadOnlyList<PartnerValidatorIncompatibility>? known = null)
    {
        ArgumentNullException.ThrowIfNull(types);
        _compiler = new FhirPathCompiler(types);
        Known = known ?? PartnerValidatorIncompatibilities.All;
    }

    public IReadOnlyList<PartnerValidatorIncompatibility> Known { get; }

    /// <summary>The incompatibilities that <paramref name="resource"/> meets.</summary>
    public IReadOnlyList<PartnerValidatorIncompatibility> Matching(ElementNode resource) =>
        Known.Where(k => k.ResourceType == resource.InstanceType && Holds(k, resource)).ToList();

    /// <summary>One warning per incompatibility <paramref name="resource"/> meets, at the resource.</summary>
    public IReadOnlyList<Issue> Check(ElementNode resource) =>
        Matching(resource).Select(k => IssueCatalogue.CompatPartnerValidator.At(resource.InstanceType, k.Validator, k.ResourceType, k.Effect, k.Rule, k.Id)).ToList();

    /// <summary>Whether the entry's <c>when</c> holds; an expression that cannot compile or run counts as a hit, so a broken entry warns rather than hides.</summary>
    private bool Holds(PartnerValidatorIncompatibility entry, ElementNode resource)
    {
        try
        {
            return _compiler.Compile(entry.When).Predicate(resource) == true;
        }
        catch (Exception e) when (e is FhirPathCompileException or FhirPathEvaluationException)
        {
            return true;
        }
    }
}
