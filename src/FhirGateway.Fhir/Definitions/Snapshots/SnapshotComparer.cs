using System.Globalization;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>The aspects of elements a snapshot comparison looks at.</summary>
[Flags]
public enum SnapshotAspects
{
    None = 0,
    /// <summary>The set and order of element ids, and each element's path and slice name.</summary>
    Elements = 1,
    Cardinality = 2,
    /// <summary>Type codes with their profiles and target profiles.</summary>
    Types = 4,
    /// <summary>Binding strength and value set.</summary>
    Binding = 8,
    /// <summary>Constraint keys.</summary>
    Constraints = 16,
    /// <summary>The base record (path, min, max).</summary>
    Base = 32,
    /// <summary>fixed[x], pattern[x], minValue[x], maxValue[x], defaultValue[x] and maxLength.</summary>
    Values = 64,
    /// <summary>mustSupport, isModifier and isSummary.</summary>
    Flags = 128,
    /// <summary>Slicing discriminators, ordered and rules.</summary>
    Slicing = 256,
    /// <summary>What a snapshot must agree on to be called the same: elements, cardinality, types, bindings, constraints.</summary>
    Structure = Elements | Cardinality | Types | Binding | Constraints,
    All = Structure | Base | Values | Flags | Slicing,
}

/// <summary>One way two snapshots differ: the element (by id), the aspect, and both renderings.</summary>
public sealed record SnapshotDifference(string ElementId, string Aspect, string? Expected, string? Actual)
{
    public override string ToString() => $"{ElementId} {Aspect}: expected '{Expected}', got '{Actual}'";
}

/// <summary>
/// Compares two snapshots of the same definition (a generated one against a published one) element by element,
/// matched by id, on the chosen aspects.
/// </summary>
public static class SnapshotComparer
{
    public static IReadOnlyList<SnapshotDifference> Compare(IReadOnlyList<ElementDefinitionInfo> expected,
        IReadOnlyList<ElementDefinitionInfo> actual, SnapshotAspects aspects = SnapshotAspects.Structure)
    {
        var differences = new List<SnapshotDifference>();
        var actualById = actual.GroupBy(KeyOf).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var expectedIds = new HashSet<string>(expected.Select(KeyOf), StringComparer.Ordinal);
        foreach (var want in expected)
        {
            var key = KeyOf(want);
            if (!actualById.TryGetValue(key, out var got))
            {
                if (aspects.HasFlag(SnapshotAspects.Elements)) differences.Add(new(key, "element", "present", "missing"));
                continue;
            }
            CompareElement(key, want, got, aspects, differences);
        }
        if (aspects.HasFlag(SnapshotAspects.Elements))
        {
            differences.AddRange(actual.Select(KeyOf).Where(k => !expectedIds.Contains(k)).Select(k => new SnapshotDifference(k, "element", "absent", "present")));
            CompareOrder(expected, actual, expectedIds, differences);
        }
        return differences;
    }

    private static void CompareElement(string key, ElementDefinitionInfo want, ElementDefinitionInfo got, SnapshotAspects aspects, List<SnapshotDifference> differences)
    {
        void Check(SnapshotAspects aspect, string name, string? expected, string? actual)
        {
            if (aspects.HasFlag(aspect) && !string.Equals(expected, actual, StringComparison.Ordinal))
                differences.Add(new SnapshotDifference(key, name, expected, actual));
        }
        Check(SnapshotAspects.Elements, "path", want.Path, got.Path);
        Check(SnapshotAspects.Elements, "sliceName", want.SliceName, got.SliceName);
        Check(SnapshotAspects.Cardinality, "min", want.Min?.ToString(CultureInfo.InvariantCulture), got.Min?.ToString(CultureInfo.InvariantCulture));
        Check(SnapshotAspects.Cardinality, "max", want.Max, got.Max);
        Check(SnapshotAspects.Types, "types", Render(want.Types), Render(got.Types));
        Check(SnapshotAspects.Binding, "binding", Render(want.Binding), Render(got.Binding));
        Check(SnapshotAspects.Constraints, "constraints", Render(want.Constraints), Render(got.Constraints));
        Check(SnapshotAspects.Base, "base", Render(want.Base), Render(got.Base));
        Check(SnapshotAspects.Values, "fixed", Render(want.Fixed), Render(got.Fixed));
        Check(SnapshotAspects.Values, "pattern", Render(want.Pattern), Render(got.Pattern));
        Check(SnapshotAspects.Values, "minValue", Render(want.MinValue), Render(got.MinValue));
        Check(SnapshotAspects.Values, "maxValue", Render(want.MaxValue), Render(got.MaxValue));
        Check(SnapshotAspects.Values, "defaultValue", Render(want.DefaultValue), Render(got.DefaultValue));
        Check(SnapshotAspects.Values, "maxLength", want.MaxLength?.ToString(CultureInfo.InvariantCulture), got.MaxLength?.ToString(CultureInfo.InvariantCulture));
        Check(SnapshotAspects.Flags, "mustSupport", want.MustSupport?.ToString(), got.MustSupport?.ToString());
        Check(SnapshotAspects.Flags, "isModifier", want.IsModifier?.ToString(), got.IsModifier?.ToString());
        Check(SnapshotAspects.Flags, "isSummary", want.IsSummary?.ToString(), got.IsSummary?.ToString());
        Check(SnapshotAspects.Slicing, "slicing", Render(want.Slicing), Render(got.Slicing));
    }

    private static void CompareOrder(IReadOnlyList<ElementDefinitionInfo> expected, IReadOnlyList<ElementDefinitionInfo> actual,
        HashSet<string> expectedIds, List<SnapshotDifference> differences)
    {
        var actualIds = new HashSet<string>(actual.Select(KeyOf), StringComparer.Ordinal);
        var wantOrder = expected.Select(KeyOf).Where(actualIds.Contains).ToList();
        var gotOrder = actual.Select(KeyOf).Where(expectedIds.Contains).Distinct(StringComparer.Ordinal).ToList();
        var firstDifferent = wantOrder.Zip(gotOrder).Select((pair, index) => (pair, index)).FirstOrDefault(p => p.pair.First != p.pair.Second);
        if (firstDifferent.pair.First is not null)
            differences.Add(new SnapshotDifference(firstDifferent.pair.First, "order", $"#{firstDifferent.index}", firstDifferent.pair.Second));
    }

    private static string KeyOf(ElementDefinitionInfo element) => element.Id ?? element.ToString();

    private static string Render(IReadOnlyList<TypeRefInfo> types) => string.Join(" | ", types.Select(t =>
        t.Code + (t.Profiles.Count > 0 ? $"({string.Join(",", t.Profiles)})" : "") +
        (t.TargetProfiles.Count > 0 ? $"->({string.Join(",", t.TargetProfiles)})" : "")));

    private static string? Render(BindingInfo? binding) => binding is null ? null : $"{binding.Strength} {binding.ValueSet}";

    private static string? Render(ElementBaseInfo? b) => b is null ? null : $"{b.Path} {b.Min}..{b.Max}";

    private static string? Render(FhirValue? value) => value is null ? null : $"{value.TypeCode} {Compact(value.Json)}";

    private static string? Render(SlicingInfo? slicing) => slicing is null ? null :
        $"{string.Join(",", slicing.Discriminators.Select(d => $"{d.Type}:{d.Path}"))} ordered={slicing.Ordered} {slicing.Rules}";

    /// <summary>JSON text without insignificant whitespace, so formatting does not count as a difference.</summary>
    private static string Compact(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return System.Text.Json.JsonSerializer.Serialize(document.RootElement);
    }

    private static string Render(IReadOnlyList<ConstraintInfo> constraints) =>
        string.Join(",", constraints.Select(c => c.Key).Order(StringComparer.Ordinal));
}
