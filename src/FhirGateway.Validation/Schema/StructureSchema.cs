using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Validation.Slicing;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// A StructureDefinition compiled for validation: the root element's schema (which reaches every child and
/// slice), the element schemas by path for content references, and the problems met while preparing it
/// (snapshot generation, invariants that do not compile). Immutable and thread-safe.
/// </summary>
internal sealed class StructureSchema
{
    public StructureSchema(StructureDefinitionInfo definition, ElementSchema root, IReadOnlyDictionary<string, ElementSchema> byPath,
        IReadOnlyDictionary<string, SliceCase> slices, IReadOnlyList<Issue> problems)
    {
        Definition = definition;
        Root = root;
        ByPath = byPath;
        Slices = slices;
        Problems = problems;
    }

    public StructureDefinitionInfo Definition { get; }

    public ElementSchema Root { get; }

    /// <summary>The schemas of the unsliced elements by path (<c>Questionnaire.item</c>), which content references name.</summary>
    public IReadOnlyDictionary<string, ElementSchema> ByPath { get; }

    /// <summary>The slices of the structure by name and by element id, for FHIRPath's slice().</summary>
    public IReadOnlyDictionary<string, SliceCase> Slices { get; }

    public SliceCase? FindSlice(string name) => Slices.GetValueOrDefault(name);

    /// <summary>Problems of the definition itself, reported (once per validation) where the structure is used.</summary>
    public IReadOnlyList<Issue> Problems { get; }

    public string Canonical => Definition.Canonical;

    /// <summary>The type the structure defines or constrains (<c>Observation</c>, <c>Extension</c>).</summary>
    public string Type => Definition.Type;

    public bool IsProfile => Definition.Derivation == "constraint";

    public bool IsResource => Definition.Kind == "resource";

    public override string ToString() => Canonical;
}
