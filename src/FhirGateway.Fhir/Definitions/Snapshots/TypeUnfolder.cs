using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Gives an element without children the children of its type, so a differential can constrain paths deeper
/// than the base snapshot goes: from the profile the type names, else the type's own definition, else (for a
/// content reference) the referenced element; paths are rewritten under the element.
/// </summary>
internal sealed class TypeUnfolder(Func<string, StructureDefinitionInfo?> snapshotOf, SnapshotNode root, ICollection<Issue> issues)
{
    public const string CorePrefix = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>Unfolds <paramref name="node"/>; null on success, else why it cannot be unfolded.</summary>
    public string? Unfold(SnapshotNode node, string childName)
    {
        if (node.Children.Count > 0) return null;
        if (node.Element.ContentReference is { } reference) return UnfoldReference(node, reference);
        var codes = node.Element.Types.Select(t => t.Code).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0) return "it has no type";
        string canonical;
        if (codes.Count > 1)
        {
            if (childName is not ("id" or "extension"))
                return $"it allows several types ({string.Join(", ", codes)}); constrain it to one first";
            canonical = CorePrefix + "Element";
        }
        else
        {
            var profiles = node.Element.Types.SelectMany(t => t.Profiles).Distinct(StringComparer.Ordinal).ToList();
            canonical = profiles.Count == 1 ? profiles[0] : codes[0].Contains(':', StringComparison.Ordinal) ? codes[0] : CorePrefix + codes[0];
        }
        var definition = snapshotOf(canonical);
        if (definition is null || !definition.HasSnapshot) return $"the definition {canonical} is not available";
        var typeRoot = definition.Snapshot[0].Path;
        var expanded = SnapshotTree.Build(definition.Snapshot, p => node.Path + p[typeRoot.Length..], issues);
        node.Children.AddRange(expanded.Children);
        return null;
    }

    private string? UnfoldReference(SnapshotNode node, string reference)
    {
        var path = reference[(reference.IndexOf('#') + 1)..];
        var target = root.InOrder().FirstOrDefault(n => n.Path == path && n.SliceName is null);
        if (target is null) return $"its content reference {reference} names no element";
        foreach (var child in target.Children.Where(c => !c.AddedByDifferential))
            node.Children.Add(child.CloneOriginal(p => node.Path + p[path.Length..], addedByDifferential: false));
        return null;
    }
}
