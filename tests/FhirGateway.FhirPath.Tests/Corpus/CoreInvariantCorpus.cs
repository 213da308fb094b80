using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.FhirPath.Tests.Suite;

namespace FhirGateway.FhirPath.Tests.Corpus;

/// <summary>One invariant to run: the node it applies to, its constraint, and the type the expression is checked against.</summary>
public sealed record InvariantCase(ElementNode Node, ConstraintInfo Constraint, string? ContextType);

/// <summary>
/// The R4 example corpus (../shared/conformance/r4-examples) with every core invariant that applies to each
/// element (the constraints of the element's definition in the base structures). Shared by tests and benchmarks.
/// </summary>
public static class CoreInvariantCorpus
{
    public static string? Folder => SharedConformance.Folder("r4-examples");

    public static IReadOnlyList<ElementNode> LoadResources() => [.. LoadResourceFiles().Keys];

    /// <summary>The corpus resources, each with the file it was read from, in file name order.</summary>
    public static IReadOnlyDictionary<ElementNode, string> LoadResourceFiles()
    {
        var result = new Dictionary<ElementNode, string>(ReferenceEqualityComparer.Instance);
        if (Folder is not { } folder || !Directory.Exists(folder)) return result;
        var parser = new FhirJsonParser(StructureTypeModel.R4Core);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            if (parser.Parse(File.ReadAllBytes(file), Path.GetFileName(file)).Root is { } root) result.Add(root, file);
        }
        return result;
    }

    public static List<InvariantCase> Cases(IEnumerable<ElementNode> resources)
    {
        var cases = new List<InvariantCase>();
        foreach (var r in resources) Collect(r, cases);
        return cases;
    }

    private static void Collect(ElementNode node, List<InvariantCase> into)
    {
        var definition = node.Definition;
        if (definition is not null)
        {
            // A choice element's invariants are written for all its types (ras-1 on probability[x]), and backbone types have no name to look up.
            var contextType = node.Type is { Kind: not TypeKind.Backbone } t && node.Property is not { IsChoice: true } ? t.Name : null;
            foreach (var c in definition.Constraints)
                if (c.Expression is not null) into.Add(new InvariantCase(node, c, contextType));
            if (node.IsResource && node.Type?.RootDefinition is { } root && !ReferenceEquals(root, definition))
            {
                foreach (var c in root.Constraints)
                    if (c.Expression is not null) into.Add(new InvariantCase(node, c, contextType));
            }
        }
        foreach (var child in node.Children) Collect(child, into);
    }
}
