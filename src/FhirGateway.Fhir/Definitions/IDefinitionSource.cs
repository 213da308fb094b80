namespace FhirGateway.Fhir.Definitions;

/// <summary>
/// A set of conformance definitions looked up by canonical URL (<c>url</c> or <c>url|version</c>; a bare URL
/// gives the highest version the source holds). Implementations are thread-safe and return the same
/// immutable instance for the same definition.
/// </summary>
public interface IDefinitionSource
{
    /// <summary>Where the definitions come from, for messages: "FHIR R4 core 4.0.1", a file or package name.</summary>
    string Description { get; }

    /// <summary>The definitions of one kind, without reading them.</summary>
    IEnumerable<DefinitionEntry> List(DefinitionKind kind);

    /// <summary>The definition of <paramref name="kind"/> that <paramref name="canonical"/> names, or null: a <see cref="StructureDefinitionInfo"/>, <see cref="ValueSetInfo"/>, <see cref="CodeSystemInfo"/> or <see cref="SearchParameterInfo"/>.</summary>
    object? Find(DefinitionKind kind, string canonical);
}

/// <summary>Typed look-ups over any <see cref="IDefinitionSource"/>.</summary>
public static class DefinitionSourceExtensions
{
    public static StructureDefinitionInfo? FindStructureDefinition(this IDefinitionSource source, string canonical) =>
        (StructureDefinitionInfo?)source.Find(DefinitionKind.StructureDefinition, canonical);

    public static ValueSetInfo? FindValueSet(this IDefinitionSource source, string canonical) =>
        (ValueSetInfo?)source.Find(DefinitionKind.ValueSet, canonical);

    public static CodeSystemInfo? FindCodeSystem(this IDefinitionSource source, string canonical) =>
        (CodeSystemInfo?)source.Find(DefinitionKind.CodeSystem, canonical);

    public static SearchParameterInfo? FindSearchParameter(this IDefinitionSource source, string canonical) =>
        (SearchParameterInfo?)source.Find(DefinitionKind.SearchParameter, canonical);

    /// <summary>Every StructureDefinition of the source, read on demand.</summary>
    public static IEnumerable<StructureDefinitionInfo> StructureDefinitions(this IDefinitionSource source) =>
        source.List(DefinitionKind.StructureDefinition).Select(e => source.FindStructureDefinition(e.Canonical)!);

    public static IEnumerable<ValueSetInfo> ValueSets(this IDefinitionSource source) =>
        source.List(DefinitionKind.ValueSet).Select(e => source.FindValueSet(e.Canonical)!);

    public static IEnumerable<CodeSystemInfo> CodeSystems(this IDefinitionSource source) =>
        source.List(DefinitionKind.CodeSystem).Select(e => source.FindCodeSystem(e.Canonical)!);

    public static IEnumerable<SearchParameterInfo> SearchParameters(this IDefinitionSource source) =>
        source.List(DefinitionKind.SearchParameter).Select(e => source.FindSearchParameter(e.Canonical)!);
}
