using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Validation.Compilation;
using FhirGateway.Validation.Compilation.Builders;

namespace FhirGateway.Validation.Slicing;

/// <summary>The element a discriminator path leads to inside a slice; after <c>resolve()</c>, the reference's target profiles.</summary>
internal sealed record PathTarget(ElementDefinitionInfo Element, SnapshotNode? Node, IReadOnlyList<string>? ReferenceTargets = null);

/// <summary>
/// Follows a discriminator path (<c>code.coding.system</c>, <c>url</c>, <c>value.ofType(Quantity)</c>,
/// <c>extension('http://…').value</c>, <c>item.resolve()</c>) from a slice's element through the snapshot:
/// into the slice's children, into a type's or profile's own snapshot where the slice does not list the
/// children, into an extension definition by url, and into the target profile of a reference. Compile time only.
/// </summary>
internal static class SlicePathResolver
{
    public static PathTarget? Resolve(SnapshotNode slice, string path, CompileContext context)
    {
        PathTarget? current = new(slice.Element, slice);
        foreach (var step in Steps(path))
        {
            current = Step(current, step, context);
            if (current is null) return null;
        }
        return current;
    }

    private static PathTarget? Step(PathTarget current, string step, CompileContext context)
    {
        if (step == "$this") return current;
        if (step == "resolve()")
        {
            var targets = current.Element.Types.SelectMany(t => t.TargetProfiles).Distinct(StringComparer.Ordinal).ToArray();
            var root = targets.Length == 1 ? Root(targets[0], context) : null;
            return new PathTarget(root?.Element ?? new ElementDefinitionInfo { Path = "Resource" }, root, targets);
        }
        if (step.StartsWith("ofType(", StringComparison.Ordinal) && step.EndsWith(')'))
        {
            var type = step[7..^1];
            var typed = current.Node?.Slices.FirstOrDefault(s => s.Element.Types.Count == 1 && TypeCheckBuilder.FhirTypeOf(s.Element.Types[0]) == type);
            if (typed is not null) return new PathTarget(typed.Element, typed);
            var narrowed = current.Element with { Types = current.Element.Types.Where(t => TypeCheckBuilder.FhirTypeOf(t) == type).ToArray() };
            return new PathTarget(narrowed, current.Node is { Children.Count: > 0 } ? current.Node : null);
        }
        if (step.StartsWith("extension(", StringComparison.Ordinal) && step.EndsWith(')'))
        {
            var url = step[10..^1].Trim('\'', '"');
            var extension = ChildrenOf(current, context).FirstOrDefault(c => c.Name == "extension");
            var slice = extension?.Slices.FirstOrDefault(s => s.Element.Types.Any(t => t.Profiles.Contains(url)) || FixedUrl(s) == url);
            if (slice is not null) return new PathTarget(slice.Element, slice);
            return Root(url, context) is { } definition ? new PathTarget(definition.Element, definition) : null;
        }
        var children = ChildrenOf(current, context);
        var child = children.FirstOrDefault(c => c.Name == step) ?? children.FirstOrDefault(c => c.Name == step + "[x]");
        return child is null ? null : new PathTarget(child.Element, child);
    }

    /// <summary>The children of the element: as the slice lists them, else those of its type (or of the type's single profile).</summary>
    private static IReadOnlyList<SnapshotNode> ChildrenOf(PathTarget current, CompileContext context)
    {
        if (current.Node is { Children.Count: > 0 } node) return node.Children;
        if (current.Element.Types is not [var type]) return [];
        var canonical = type.Profiles.Count == 1 ? type.Profiles[0] : TypeCheckBuilder.FhirTypeOf(type);
        return Root(canonical, context)?.Children ?? [];
    }

    private static SnapshotNode? Root(string canonical, CompileContext context) => context.SnapshotTreeOf(canonical);

    private static string? FixedUrl(SnapshotNode slice)
    {
        var url = slice.Children.FirstOrDefault(c => c.Name == "url")?.Element.Fixed?.Json;
        return url is { Length: > 2 } ? url[1..^1] : null;
    }

    /// <summary>The steps of a path, split at dots outside parentheses and quotes.</summary>
    public static IEnumerable<string> Steps(string path)
    {
        var depth = 0;
        var quote = '\0';
        var start = 0;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (quote != '\0') { if (c == quote) quote = '\0'; continue; }
            if (c is '\'' or '"') quote = c;
            else if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '.' && depth == 0)
            {
                yield return path[start..i].Trim();
                start = i + 1;
            }
        }
        yield return path[start..].Trim();
    }
}
