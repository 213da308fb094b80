using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>One type an element allows, with the profiles its values must conform to (one of them).</summary>
internal sealed record AllowedType(string Code, IReadOnlyList<string> Profiles);

/// <summary>
/// The element's type: the instance type must be one the element allows (a choice narrowed by a profile, a
/// resource type where <c>Resource</c> is allowed), then the element is validated against its type's
/// definition, and against the type's profiles when the element names any. A resource in a container
/// (contained, Bundle entry) is validated as a resource. When the element's own definition lists its children,
/// only the type's own invariants are added (the children are checked from the element's definition).
/// </summary>
internal sealed class TypeCheck(AllowedType[] allowed, IReadOnlyList<string> ownConstraintKeys, bool inlineChildren) : IElementCheck
{
    public IReadOnlyList<AllowedType> Allowed => allowed;

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        var type = node.InstanceType;
        if (type is null) return CheckResult.Success;
        var match = Match(type, run.Types);
        if (match is null)
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValTypeNotAllowed, node, type, string.Join(", ", allowed.Select(a => a.Code)), ""));
        CheckResult result;
        if (node.IsResource && node.Parent is not null && !inlineChildren) result = run.ValidateResource(node);
        else if (run.Schemas.Find(type) is { } schema) result = schema.Root.ValidateAsType(node, run, ownConstraintKeys, withChildren: !inlineChildren);
        else result = CheckResult.Undecided(IssueAt.Node(IssueCatalogue.ValTypeUnknown, node, type));
        if (match.Profiles.Count > 0) result = CheckResult.Combine(result, ProfileConformance.AnyOf(node, match.Profiles, run));
        return result;
    }

    /// <summary>True when the element's type is one this check allows (or unknown, which the reader reported).</summary>
    public bool Allows(ElementNode node, ValidationRun run) => node.InstanceType is not { } type || Match(type, run.Types) is not null;

    private AllowedType? Match(string type, ITypeModel types)
    {
        foreach (var a in allowed)
            if (string.Equals(a.Code, type, StringComparison.Ordinal)) return a;
        foreach (var a in allowed)
            if (types.IsSameOrSubtype(type, a.Code)) return a;
        return null;
    }
}
