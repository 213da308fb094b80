using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation;

/// <summary>What the builders of one structure share while it compiles: the structure, the definitions, the compilers and the problems found.</summary>
internal sealed class CompileContext
{
    private readonly Func<ElementToCompile, ElementSchema> _compile;

    public CompileContext(StructureDefinitionInfo structure, SchemaCache cache, FhirPathCompiler fhirPath, ITypeModel types,
        List<Issue> problems, Func<ElementToCompile, ElementSchema> compile)
    {
        Structure = structure;
        Cache = cache;
        FhirPath = fhirPath;
        Types = types;
        Problems = problems;
        _compile = compile;
    }

    public StructureDefinitionInfo Structure { get; }

    /// <summary>The definitions (with generated snapshots) that discriminators look into; never asked for compiled schemas.</summary>
    public SchemaCache Cache { get; }

    public FhirPathCompiler FhirPath { get; }

    public ITypeModel Types { get; }

    public List<Issue> Problems { get; }

    /// <summary>
    /// The unsliced element schemas by path, filled while the structure compiles and never changed once it is
    /// published; content references look their target up here.
    /// </summary>
    public Dictionary<string, ElementSchema> ByPath { get; } = new(StringComparer.Ordinal);

    /// <summary>The slices compiled so far, by name and by element id (for slice()).</summary>
    public Dictionary<string, Slicing.SliceCase> Slices { get; } = new(StringComparer.Ordinal);

    /// <summary>" (from canonical)", the suffix that names the structure in messages.</summary>
    public string From => $" (from {Structure.Canonical})";

    public bool IsPrimitiveType => Structure.Kind == "primitive-type" && Structure.Derivation != "constraint";

    public ElementSchema Compile(SnapshotNode node, bool inSlice) => _compile(new ElementToCompile(node, this, inSlice));

    /// <summary>The snapshot tree of another structure (a type, a profile, an extension) that a discriminator path looks into; built once per compilation.</summary>
    public SnapshotNode? SnapshotTreeOf(string typeOrCanonical)
    {
        if (_trees.TryGetValue(typeOrCanonical, out var tree)) return tree;
        var prepared = Cache.Prepare(typeOrCanonical);
        tree = prepared is { HasSnapshot: true } ? SnapshotTree.Build(prepared.Definition.Snapshot, p => p, new List<Issue>()) : null;
        _trees[typeOrCanonical] = tree;
        return tree;
    }

    private readonly Dictionary<string, SnapshotNode?> _trees = new(StringComparer.Ordinal);
}

/// <summary>One element of the snapshot tree being compiled, with its context.</summary>
internal sealed record ElementToCompile(SnapshotNode Node, CompileContext Context, bool InSlice)
{
    public ElementDefinitionInfo Element => Node.Element;

    public bool IsRoot => !Element.Path.Contains('.', StringComparison.Ordinal);

    /// <summary>True when the snapshot lists the element's children (a backbone element, or a type a profile constrains inside).</summary>
    public bool HasInlineChildren => Node.Children.Count > 0;
}
