using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Where a merge happens and where its problems go. A specialization redefines what it inherits (a primitive's
/// value type), so only a constraint's types are checked against the base.
/// </summary>
internal sealed record MergeContext(string Location, string ProfileUrl, bool IsSlice, bool IsSpecialization, ICollection<Issue> Issues)
{
    public void Report(IssueDefinition definition, params object?[] args) => Issues.Add(definition.At(Location, args));
}

/// <summary>
/// Applies one differential element to the base element it constrains: what the differential says replaces or
/// narrows the base, what it leaves out is inherited. Path, slice name, base and content reference stay the base's.
/// </summary>
internal static class ElementMerger
{
    public static ElementDefinitionInfo Merge(ElementDefinitionInfo baseElement, ElementDefinitionInfo diff, MergeContext context)
    {
        var min = diff.Min ?? baseElement.Min;
        var max = diff.Max ?? baseElement.Max;
        CheckCardinality(baseElement, diff, min, max, context);
        return baseElement with
        {
            Base = baseElement.Base ?? new ElementBaseInfo(baseElement.Path, baseElement.Min ?? 0, baseElement.Max ?? "*"),
            Min = min,
            Max = max,
            Types = TypeMerger.Merge(baseElement.Types, diff.Types, context),
            Representation = diff.Representation.Count > 0 ? diff.Representation : baseElement.Representation,
            Short = diff.Short ?? baseElement.Short,
            Definition = diff.Definition ?? baseElement.Definition,
            Fixed = diff.Fixed ?? baseElement.Fixed,
            Pattern = diff.Pattern ?? baseElement.Pattern,
            MinValue = diff.MinValue ?? baseElement.MinValue,
            MaxValue = diff.MaxValue ?? baseElement.MaxValue,
            DefaultValue = diff.DefaultValue ?? baseElement.DefaultValue,
            MaxLength = diff.MaxLength ?? baseElement.MaxLength,
            Condition = baseElement.Condition.Union(diff.Condition, StringComparer.Ordinal).ToList(),
            Constraints = MergeConstraints(baseElement.Constraints, diff.Constraints, context.ProfileUrl),
            Binding = MergeBinding(baseElement.Binding, diff.Binding, context),
            Slicing = diff.Slicing ?? baseElement.Slicing,
            MustSupport = diff.MustSupport ?? baseElement.MustSupport,
            IsModifier = diff.IsModifier ?? baseElement.IsModifier,
            IsModifierReason = diff.IsModifierReason ?? baseElement.IsModifierReason,
            IsSummary = diff.IsSummary ?? baseElement.IsSummary,
        };
    }

    private static void CheckCardinality(ElementDefinitionInfo baseElement, ElementDefinitionInfo diff, int? min, string? max, MergeContext context)
    {
        if (diff.Min is { } diffMin && baseElement.Min is { } baseMin && diffMin < baseMin && !context.IsSlice)
            context.Report(IssueCatalogue.SnapshotMinBelowBase, diffMin, baseMin);
        if (diff.Max is { } diffMax && Cardinality.MaxOf(diffMax) > Cardinality.MaxOf(baseElement.Max))
            context.Report(IssueCatalogue.SnapshotMaxAboveBase, diffMax, baseElement.Max);
        if (min is { } m && m > Cardinality.MaxOf(max))
            context.Report(IssueCatalogue.SnapshotMinAboveMax, m, max);
    }

    /// <summary>The base's constraints stay (with their source); new keys are added with this profile as source.</summary>
    private static IReadOnlyList<ConstraintInfo> MergeConstraints(IReadOnlyList<ConstraintInfo> inherited, IReadOnlyList<ConstraintInfo> added, string profileUrl)
    {
        if (added.Count == 0) return inherited;
        var merged = inherited.ToList();
        foreach (var constraint in added)
        {
            var index = merged.FindIndex(c => c.Key == constraint.Key);
            var withSource = constraint.Source is null ? constraint with { Source = profileUrl } : constraint;
            if (index >= 0) merged[index] = withSource;
            else merged.Add(withSource);
        }
        return merged;
    }

    private static readonly string[] StrengthOrder = ["example", "preferred", "extensible", "required"];

    private static BindingInfo? MergeBinding(BindingInfo? inherited, BindingInfo? stated, MergeContext context)
    {
        if (stated is null) return inherited;
        if (inherited is null) return stated;
        if (Array.IndexOf(StrengthOrder, stated.Strength) < Array.IndexOf(StrengthOrder, inherited.Strength))
            context.Report(IssueCatalogue.SnapshotBindingWeakened, stated.Strength, inherited.Strength);
        return stated with
        {
            ValueSet = stated.ValueSet ?? inherited.ValueSet,
            Description = stated.Description ?? inherited.Description,
        };
    }
}
