using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// A Reference: the reference text has a valid form, names a known resource type, resolves where it must
/// (contained, inside the Bundle), and points to a resource of a type the element allows (targetProfile). A
/// resolved target inside the instance is also checked against target profiles that constrain a type.
/// Reference.type, when given, must agree with the target. Target profiles that are unknown leave the known ones
/// checked: a target none of the known ones allows is reported as undecidable (the unknown profiles might allow it),
/// with the severity of an unknown profile (<see cref="ValidatorOptions.UnknownDeclaredProfileSeverity"/>).
/// </summary>
internal sealed class ReferenceCheck(IReadOnlyList<TargetProfile> targets, IReadOnlyList<string> unknownTargets) : IElementCheck
{
    private readonly string[] _targetTypes = targets.Select(t => t.Type).Distinct().ToArray();

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.InstanceType != "Reference" || node.Child("reference")?.Text is not { } text) return CheckResult.Success;
        var reference = ReferenceText.Parse(text);
        if (reference.Kind == ReferenceKind.Invalid)
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceFormat, node, text, reference.Problem));
        if (reference.Kind == ReferenceKind.Relative && !IsResourceType(reference.Type!, run.Types))
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceFormat, node, text, $"'{reference.Type}' is not a resource type"));
        var resolution = ReferenceResolution.Resolve(node, reference, run);
        if (resolution.Problem is { } problem) return CheckResult.Of(problem);
        var result = CheckResult.Success;
        var target = resolution.Target;
        if (target is null && run.Options.UnresolvedReferenceSeverity is { } severity && reference.Kind == ReferenceKind.Relative)
            result = CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceUnresolved, severity, node, text));
        var type = target?.InstanceType ?? (reference.Type is { } t && IsResourceType(t, run.Types) ? t : null);
        if (type is null) return result;
        if (node.Child("type")?.Text is { } declared && declared != type)
            result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceTypeElement, node, declared, text, type)));
        if (targets.Count == 0 && unknownTargets.Count == 0) return result;
        var candidates = Candidates(type, run.Types);
        if (candidates.Count == 0 && unknownTargets.Count > 0)
            return CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceTargetProfileUnknown,
                run.Options.UnknownDeclaredProfileSeverity, node, text, type, string.Join(", ", unknownTargets))));
        if (candidates.Count == 0)
            return CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceTargetType,
                target is null ? run.Options.ReferenceTypeFromUrlSeverity : IssueSeverity.Error, node, text, type, string.Join(", ", _targetTypes))));
        if (target is not null && candidates.All(c => c.IsConstraint) && !candidates.Any(c => Conforms(target, c.Url, run)))
            result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValReferenceTargetProfile, node, text, string.Join(", ", candidates.Select(c => c.Url)))));
        return result;
    }

    /// <summary>The target profiles for the target's type (or a type it derives from).</summary>
    private List<TargetProfile> Candidates(string type, ITypeModel types)
    {
        var candidates = new List<TargetProfile>(1);
        foreach (var target in targets)
            if (target.Type == type || types.IsSameOrSubtype(type, target.Type)) candidates.Add(target);
        return candidates;
    }

    private static bool IsResourceType(string type, ITypeModel types) => types.FindType(type) is { Kind: TypeKind.Resource, IsAbstract: false } t && t.Name == type;

    private static bool Conforms(ElementNode target, string profile, ValidationRun run) =>
        run.Schemas.Find(profile) is not { } schema || !run.ValidateAgainst(target, schema).IsFailure;
}

/// <summary>One allowed target of a reference: the profile, the resource type it is for, and whether it constrains that type.</summary>
internal sealed record TargetProfile(string Url, string Type, bool IsConstraint);
