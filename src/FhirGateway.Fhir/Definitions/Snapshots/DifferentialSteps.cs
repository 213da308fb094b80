namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>One step of a differential element's location: an element name and the slice taken there, if any.</summary>
internal readonly record struct PathStep(string Name, string? SliceName)
{
    public override string ToString() => SliceName is null ? Name : $"{Name}:{SliceName}";
}

/// <summary>
/// Where a differential element sits: the slices on its way come from its id when the id agrees with its path,
/// else from the element before it (an element without id stays in the slices its predecessor entered).
/// </summary>
internal static class DifferentialSteps
{
    public static IReadOnlyList<PathStep> Of(ElementDefinitionInfo diff, IReadOnlyList<PathStep> previous)
    {
        var names = diff.Path.Split('.');
        var steps = diff.Id is { } id && FromId(id) is { } fromId && SameNames(fromId, names)
            ? fromId
            : FromContext(names, previous);
        if (diff.SliceName is { } sliceName && steps[^1].SliceName != sliceName)
            steps[^1] = steps[^1] with { SliceName = sliceName };
        return steps;
    }

    private static List<PathStep> FromContext(string[] names, IReadOnlyList<PathStep> previous)
    {
        var steps = new List<PathStep>(names.Length);
        var inherit = true;
        for (var i = 0; i < names.Length; i++)
        {
            inherit = inherit && i < previous.Count && previous[i].Name == names[i];
            var slice = inherit && i < names.Length - 1 ? previous[i].SliceName : null;
            steps.Add(new PathStep(names[i], slice));
        }
        return steps;
    }

    private static List<PathStep>? FromId(string id)
    {
        var steps = new List<PathStep>();
        foreach (var part in id.Split('.'))
        {
            var colon = part.IndexOf(':');
            if (colon == 0) return null;
            steps.Add(colon < 0 ? new PathStep(part, null) : new PathStep(part[..colon], part[(colon + 1)..]));
        }
        return steps;
    }

    private static bool SameNames(List<PathStep> steps, string[] names) =>
        steps.Count == names.Length && steps.Select(s => s.Name).SequenceEqual(names, StringComparer.Ordinal);
}
