using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A rule on a whole resource that its StructureDefinition cannot state: the declared
/// profiles, and the spec's rules for Bundles and QuestionnaireResponses. Immutable; one instance serves every validation.
/// </summary>
internal interface IResourceRule
{
    bool AppliesTo(ElementNode resource);

    CheckResult Validate(ElementNode resource, ValidationRun run);
}

/// <summary>The resource rules a validator applies, in order.</summary>
internal sealed class ResourceRuleSet(IReadOnlyList<IResourceRule> rules)
{
    public static ResourceRuleSet Standard { get; } = new(
    [
        new DeclaredProfilesRule(),
        new BundleRule(),
        new DocumentBundleRule(),
        new SearchParameterTypeRule(),
        new SearchParameterDerivationRule(),
        new SearchParameterCompositeRule(),
        new Questionnaires.QuestionnaireResponseRule(),
        new StructureDefinitionRule(),
        new ExtensionDefinitionUrlRule(),
        new SlicingPlacementRule(),
        new DiscriminatorPathRule(),
        new MeasureCriteriaRule(),
    ]);

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = CheckResult.Success;
        foreach (var rule in rules)
            if (rule.AppliesTo(resource)) result = CheckResult.Combine(result, rule.Validate(resource, run));
        return result;
    }
}
