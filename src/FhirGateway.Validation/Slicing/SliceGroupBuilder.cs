using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Compilation;
using FhirGateway.Validation.Compilation.Builders;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Values;

namespace FhirGateway.Validation.Slicing;

/// <summary>
/// ElementDefinition.slicing and the slices under it → a <see cref="SliceGroup"/>: each slice compiled as an
/// element, its discriminators turned into a condition by following their paths into the slice, re-slices
/// into a nested group.
/// </summary>
internal static class SliceGroupBuilder
{
    public static SliceGroup? Build(SnapshotNode sliced, CompileContext context, bool inSlice)
    {
        var slicing = sliced.Element.Slicing;
        var rules = slicing?.Rules ?? "open";
        if (sliced.Slices.Count == 0 && rules != "closed") return null;
        var discriminators = slicing?.Discriminators ?? [];
        var cases = new List<SliceCase>(sliced.Slices.Count);
        foreach (var slice in sliced.Slices)
        {
            var schema = context.Compile(slice, inSlice: true);
            var name = slice.SliceName ?? "";
            var shortName = name[(name.LastIndexOf('/') + 1)..];
            var sliceCase = new SliceCase(shortName, slice.Element.Id ?? $"{slice.Path}:{name}", Condition(discriminators, slice, schema, context),
                schema, Checks.Cardinality.Of(slice.Element.Min, slice.Element.Max), Build(slice, context, inSlice: true));
            cases.Add(sliceCase);
            context.Slices.TryAdd(name, sliceCase);
            context.Slices.TryAdd(sliceCase.Id, sliceCase);
        }
        return new SliceGroup(sliced.Element.Id ?? sliced.Path, cases, slicing?.Ordered ?? false, rules, context.From);
    }

    private static ISliceCondition Condition(IReadOnlyList<DiscriminatorInfo> discriminators, SnapshotNode slice, ElementSchema schema, CompileContext context)
    {
        if (discriminators.Count == 0) return new ConformsToSlice(schema);
        var conditions = new List<ISliceCondition>(discriminators.Count);
        foreach (var d in discriminators)
        {
            if (One(d, slice, context) is not { } condition) return new ConformsToSlice(schema);
            conditions.Add(condition);
        }
        return conditions.Count == 1 ? conditions[0] : new AllConditions(conditions);
    }

    /// <summary>One discriminator as a condition, or null when the slice fixes nothing it could test (the caller then tests the whole slice).</summary>
    private static ISliceCondition? One(DiscriminatorInfo discriminator, SnapshotNode slice, CompileContext context)
    {
        if (SlicePathResolver.Resolve(slice, discriminator.Path, context) is not { } target) return ExtensionUrl(discriminator, slice, context);
        if (PathOf(discriminator.Path, context) is not { } path) return null;
        var element = target.Element;
        switch (discriminator.Type)
        {
            case "value" or "pattern":
                if (element.Fixed is { } fixedValue) return new ValueCondition(path, ValueTree.Parse(fixedValue), exact: discriminator.Type == "value");
                if (element.Pattern is { } pattern) return new ValueCondition(path, ValueTree.Parse(pattern), exact: false);
                // A slice that prohibits the discriminating element is told apart by its absence (an email slice with no 'use').
                if (element.Max == "0") return new ExistsCondition(path, mustExist: false);
                return element.Binding is { Strength: "required", ValueSet: { } valueSet } ? new BindingCondition(path, valueSet) : null;
            case "exists":
                if (element.Max == "0") return new ExistsCondition(path, mustExist: false);
                return element.Min > 0 ? new ExistsCondition(path, mustExist: true) : null;
            case "type":
                var types = target.ReferenceTargets is { } targets
                    ? targets.Select(t => context.Cache.FindDefinition(t)?.Type).OfType<string>().ToArray()
                    : element.Types.Select(TypeCheckBuilder.FhirTypeOf).ToArray();
                return types.Length == 0 ? null : new TypeCondition(path, types);
            case "profile":
                var profiles = target.ReferenceTargets ?? element.Types.SelectMany(t => t.Profiles).ToArray();
                return profiles.Count == 0 ? null : new ProfileCondition(path, profiles);
            default:
                return null;
        }
    }

    /// <summary>
    /// An extension slice whose extension definition is not at hand is still identified by url: an extension's url
    /// is its definition's canonical, which the slice names as the type's profile.
    /// </summary>
    private static ISliceCondition? ExtensionUrl(DiscriminatorInfo discriminator, SnapshotNode slice, CompileContext context) =>
        discriminator is { Type: "value", Path: "url" } && slice.Element.Types is [{ Code: "Extension", Profiles: [var profile] }] && PathOf("url", context) is { } path
            ? new ValueCondition(path, ValueTree.Parse(new FhirValue("uri", System.Text.Json.JsonSerializer.Serialize(profile))), exact: true)
            : null;

    private static DiscriminatorPath? PathOf(string path, CompileContext context)
    {
        if (path.Trim() == "$this") return DiscriminatorPath.This;
        var compiled = context.FhirPath.TryCompile(path);
        return compiled.Expression is null ? null : new DiscriminatorPath(compiled.Expression);
    }
}
