using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

/// <summary>A handful of small hand-built definitions: two data types, Extension and a cut-down Observation.</summary>
internal static class MiniDefinitions
{
    public const string Core = "http://hl7.org/fhir/StructureDefinition/";

    public static ElementDefinitionInfo E(string path, int min, string max, params string[] types) => new()
    {
        Path = path,
        Id = path,
        Min = min,
        Max = max,
        Base = new ElementBaseInfo(path, min, max),
        Types = types.Select(t => new TypeRefInfo { Code = t }).ToList(),
        Constraints = [new ConstraintInfo("ele-1", "error", "All FHIR elements must have a @value or children", "hasValue() or (children().count() > id.count())", Core + "Element")],
    };

    /// <summary>A differential element with this id (its path is the id without slice names).</summary>
    public static ElementDefinitionInfo D(string id) =>
        new() { Path = string.Join('.', id.Split('.').Select(s => s.Split(':')[0])), Id = id };

    private static readonly SlicingInfo UrlSlicing = new() { Discriminators = [new DiscriminatorInfo("value", "url")], Rules = "open" };

    public static StructureDefinitionInfo Type(string name, string kind, params ElementDefinitionInfo[] snapshot) => new()
    {
        Url = Core + name,
        Name = name,
        Kind = kind,
        Type = name,
        Derivation = "specialization",
        Snapshot = snapshot,
    };

    public static StructureDefinitionInfo Coding { get; } = Type("Coding", "complex-type",
        E("Coding", 0, "*"), E("Coding.id", 0, "1", "string"), E("Coding.extension", 0, "*", "Extension") with { Slicing = UrlSlicing },
        E("Coding.system", 0, "1", "uri"), E("Coding.code", 0, "1", "code"));

    public static StructureDefinitionInfo Quantity { get; } = Type("Quantity", "complex-type",
        E("Quantity", 0, "*"), E("Quantity.value", 0, "1", "decimal"), E("Quantity.unit", 0, "1", "string"));

    public static StructureDefinitionInfo Extension { get; } = Type("Extension", "complex-type",
        E("Extension", 0, "*"), E("Extension.extension", 0, "*", "Extension") with { Slicing = UrlSlicing },
        E("Extension.url", 1, "1", "uri"), E("Extension.value[x]", 0, "1", "string", "Coding", "Quantity"));

    public static StructureDefinitionInfo Observation { get; } = Type("Observation", "resource",
        E("Observation", 0, "*") with { Constraints = [new ConstraintInfo("obs-6", "error", "dataAbsentReason only if no value", "x", Core + "Observation")] },
        E("Observation.extension", 0, "*", "Extension") with { Slicing = UrlSlicing },
        E("Observation.status", 1, "1", "code") with { Binding = new BindingInfo("required", "http://hl7.org/fhir/ValueSet/observation-status|4.0.1") },
        E("Observation.code", 1, "1", "Coding") with { Binding = new BindingInfo("example", "http://hl7.org/fhir/ValueSet/observation-codes") },
        E("Observation.value[x]", 0, "1", "Quantity", "string", "Coding"),
        E("Observation.component", 0, "*", "BackboneElement"),
        E("Observation.component.code", 1, "1", "Coding"),
        E("Observation.component.value[x]", 0, "1", "Quantity", "string"),
        E("Observation.part", 0, "*", "BackboneElement"),
        E("Observation.part.name", 0, "1", "string"),
        E("Observation.part.part", 0, "*") with { ContentReference = "#Observation.part" });

    public static StructureDefinitionInfo Profile(string name, string baseName, params ElementDefinitionInfo[] differential) => new()
    {
        Url = "http://example.org/fhir/StructureDefinition/" + name,
        Name = name,
        Kind = "resource",
        Type = differential.Length > 0 ? differential[0].Path.Split('.')[0] : "Observation",
        BaseDefinition = baseName.Contains(':', StringComparison.Ordinal) ? baseName : Core + baseName,
        Derivation = "constraint",
        Differential = differential,
    };

    public static DefinitionLookup Lookup(params StructureDefinitionInfo[] extra)
    {
        var all = new[] { Coding, Quantity, Extension, Observation }.Concat(extra).ToDictionary(d => d.Url, StringComparer.Ordinal);
        return canonical => all.GetValueOrDefault(canonical);
    }

    public static SnapshotResult Generate(StructureDefinitionInfo profile, params StructureDefinitionInfo[] extra) =>
        new SnapshotGenerator(Lookup([profile, .. extra])).Generate(profile);

    public static ElementDefinitionInfo Element(this SnapshotResult result, string id) =>
        result.Definition.Snapshot.Single(e => e.Id == id);

    public static List<string> Ids(this SnapshotResult result) => result.Definition.Snapshot.Select(e => e.Id!).ToList();
}
