using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>Validation of an element against profiles named by a type, a meta.profile or a caller.</summary>
internal static class ProfileConformance
{
    /// <summary>
    /// The element against one profile: the profile must be for the element's type; an unknown profile gives
    /// <paramref name="unknown"/> (a warning for declared profiles, an error for requested ones).
    /// </summary>
    public static CheckResult Against(ElementNode node, string profile, ValidationRun run, IssueDefinition unknown, ElementNode? declaredAt = null)
    {
        var schema = run.Schemas.Find(profile);
        if (schema is null)
            return CheckResult.Of(run.Schemas.Unreadable(profile) is { } why
                ? IssueAt.Node(IssueCatalogue.ValDefinitionUnreadable, declaredAt ?? node, profile, why)
                : IssueAt.Node(unknown, declaredAt ?? node, profile));
        var type = node.InstanceType;
        if (type is not null && !IsFor(schema, type, run.Types))
            return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValProfileWrongType, node, profile, schema.Type, type));
        return run.ValidateAgainst(node, schema);
    }

    /// <summary>The element against a list of profiles of which it must conform to one: with one profile, that profile's result.</summary>
    public static CheckResult AnyOf(ElementNode node, IReadOnlyList<string> profiles, ValidationRun run)
    {
        if (profiles.Count == 1) return Against(node, profiles[0], run, IssueCatalogue.ValProfileUnknown);
        foreach (var profile in profiles)
        {
            var result = Against(node, profile, run, IssueCatalogue.ValProfileUnknown);
            if (!result.IsFailure) return result;
        }
        return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValProfileNoMatch, node, string.Join(", ", profiles)));
    }

    /// <summary>True when a structure applies to instances of <paramref name="type"/>: the same type, or a type it derives from.</summary>
    public static bool IsFor(StructureSchema schema, string type, ITypeModel types) =>
        string.Equals(schema.Type, type, StringComparison.Ordinal) || types.IsSameOrSubtype(type, schema.Type);
}
