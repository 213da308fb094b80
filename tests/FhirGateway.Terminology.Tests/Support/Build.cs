using System.Text.Json;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.Tests.Support;

/// <summary>Terse builders for synthetic code systems and value sets.</summary>
internal static class Build
{
    public const string Sys = "http://example.org/cs/shapes";
    public const string Vs = "http://example.org/vs/";

    /// <summary>A concept; children nest under it.</summary>
    public static CodeSystemConceptInfo C(string code, string? display = null, params CodeSystemConceptInfo[] children) =>
        new() { Code = code, Display = display ?? code, Concepts = children };

    public static CodeSystemConceptInfo With(this CodeSystemConceptInfo c, string property, object value) =>
        c with { Properties = [.. c.Properties, new ConceptPropertyInfo(property, Value(value))] };

    public static CodeSystemConceptInfo Designation(this CodeSystemConceptInfo c, string value, string? language = null) =>
        c with { Designations = [.. c.Designations, new DesignationInfo(language, null, null, value)] };

    public static FhirValue Value(object value) => value switch
    {
        bool b => new FhirValue("boolean", b ? "true" : "false"),
        _ => new FhirValue("code", JsonSerializer.Serialize(value.ToString())),
    };

    public static CodeSystemInfo CodeSystem(string url, params CodeSystemConceptInfo[] concepts) => new()
    {
        Url = url,
        Version = "1",
        Content = "complete",
        CaseSensitive = true,
        HierarchyMeaning = "is-a",
        Concepts = concepts,
    };

    /// <summary>Shapes: shape > (polygon > (triangle, square), round > (circle, ellipse)), plus a retired 'blob' and an abstract grouper.</summary>
    public static CodeSystemInfo Shapes { get; } = CodeSystem(Sys,
        C("shape", "Shape",
            C("polygon", "Polygon", C("triangle", "Triangle").With("sides", "3").Designation("Dreieck", "de"), C("square", "Square").With("sides", "4")),
            C("round", "Round shape", C("circle", "Circle").With("colour", "red"), C("ellipse", "Ellipse"))),
        C("blob", "Blob").With("status", "retired"),
        C("_group", "Grouper").With("notSelectable", true),
        C("old", "Old").With("status", "deprecated"));

    public static ValueSetInfo ValueSet(string name, ValueSetComposeInfo compose, string? version = null) =>
        new() { Url = Vs + name, Version = version, Name = name, Compose = compose };

    public static ValueSetComposeInfo Compose(params ConceptSetInfo[] include) => new() { Include = include };

    public static ValueSetComposeInfo Excluding(this ValueSetComposeInfo compose, params ConceptSetInfo[] exclude) => compose with { Exclude = exclude };

    public static ConceptSetInfo All(string system = Sys) => new() { System = system };

    public static ConceptSetInfo Listed(string system, params string[] codes) =>
        new() { System = system, Concepts = codes.Select(c => new ConceptReferenceInfo(c, null)).ToList() };

    public static ConceptSetInfo Filter(string property, string op, string value, string system = Sys) =>
        new() { System = system, Filters = [new ValueSetFilterInfo(property, op, value)] };

    public static ConceptSetInfo Import(params string[] valueSets) => new() { ValueSets = valueSets };

    public static ConceptSetInfo And(this ConceptSetInfo set, params string[] valueSets) => set with { ValueSets = valueSets };

    public static TerminologyService Service(params object[] definitions) =>
        new(DefinitionResolver.WithCore(new InMemoryDefinitions([Shapes, .. definitions])));
}
