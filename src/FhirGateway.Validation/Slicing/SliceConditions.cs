using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Terminology;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Slicing;

/// <summary>Every one of several discriminators holds.</summary>
internal sealed class AllConditions(IReadOnlyList<ISliceCondition> conditions) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run)
    {
        foreach (var c in conditions)
            if (!c.Matches(item, run)) return false;
        return true;
    }
}

/// <summary>
/// No usable discriminator (none given, or one that names nothing the slice fixes): the element belongs to the
/// slice when it validates against it without error.
/// </summary>
internal sealed class ConformsToSlice(ElementSchema slice) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run) => !slice.Validate(item, run).IsFailure;
}

/// <summary>value or pattern discriminator: an element at the path equals the slice's fixed value or meets its pattern.</summary>
internal sealed class ValueCondition(DiscriminatorPath path, ValueTree value, bool exact) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run)
    {
        foreach (var selected in path.Select(item, run))
            if (selected is ElementNode node && ValueMatcher.Matches(node, value, exact)) return true;
        return false;
    }
}

/// <summary>value discriminator on a bound element: a code at the path is in the slice's value set.</summary>
internal sealed class BindingCondition(DiscriminatorPath path, string valueSet) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run)
    {
        if (run.Engine.Terminology is not { } terminology) return false;
        var memberOf = new MemberOf(terminology);
        foreach (var selected in path.Select(item, run))
            if (memberOf.Check(selected, valueSet) == true) return true;
        return false;
    }
}

/// <summary>exists discriminator: the element at the path is present (or, for a slice that forbids it, absent).</summary>
internal sealed class ExistsCondition(DiscriminatorPath path, bool mustExist) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run) => path.Select(item, run).Count > 0 == mustExist;
}

/// <summary>type discriminator: the element at the path (a resource when the path resolves a reference) is of one of the slice's types.</summary>
internal sealed class TypeCondition(DiscriminatorPath path, IReadOnlyList<string> types) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run)
    {
        var selected = path.Select(item, run);
        if (selected.Count == 0) return false;
        foreach (var s in selected)
        {
            if (s is not ElementNode { InstanceType: { } type }) return false;
            if (!types.Any(t => t == type || run.Types.IsSameOrSubtype(type, t))) return false;
        }
        return true;
    }
}

/// <summary>profile discriminator: the element at the path conforms (validates without error) to one of the slice's profiles.</summary>
internal sealed class ProfileCondition(DiscriminatorPath path, IReadOnlyList<string> profiles) : ISliceCondition
{
    public bool Matches(ElementNode item, ValidationRun run)
    {
        var selected = path.Select(item, run);
        if (selected.Count == 0) return false;
        foreach (var s in selected)
            if (s is not ElementNode node || !profiles.Any(p => Conforms(node, p, run))) return false;
        return true;
    }

    private static bool Conforms(ElementNode node, string profile, ValidationRun run) =>
        run.Schemas.Find(profile) is { } schema
        && (node.InstanceType is not { } type || Checks.ProfileConformance.IsFor(schema, type, run.Types))
        && !run.ValidateAgainst(node, schema).IsFailure;
}
