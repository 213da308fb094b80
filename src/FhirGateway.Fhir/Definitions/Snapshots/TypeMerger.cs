using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Narrows an element's types: the differential's list replaces the base's when it names types the base allows;
/// a type that names no profiles or target profiles inherits the base type's. A system type matches the FHIR
/// type its fhir-type extension names (<c>Extension.url</c> is System.String for <c>uri</c>).
/// </summary>
internal static class TypeMerger
{
    /// <summary>Base type codes that admit any resource type in a constraint (<c>Bundle.entry.resource</c>).</summary>
    private static readonly HashSet<string> AnyResource = ["Resource", "DomainResource"];

    public static IReadOnlyList<TypeRefInfo> Merge(IReadOnlyList<TypeRefInfo> inherited, IReadOnlyList<TypeRefInfo> stated, MergeContext context)
    {
        if (stated.Count == 0) return inherited;
        if (inherited.Count == 0) return stated;
        var merged = new List<TypeRefInfo>(stated.Count);
        foreach (var type in stated)
        {
            var match = inherited.FirstOrDefault(t => t.Code == type.Code || t.FhirTypeExtension == type.Code);
            if (match is null && !context.IsSpecialization && !inherited.Any(t => AnyResource.Contains(t.Code) && IsTypeName(type.Code)))
                context.Report(IssueCatalogue.SnapshotTypeNotAllowed, type.Code, string.Join(", ", inherited.Select(t => t.Code)));
            merged.Add(match is null ? type : Narrow(match, type));
        }
        return merged;
    }

    /// <summary>The inherited types restricted to one code (a renamed choice such as <c>valueQuantity</c>).</summary>
    public static IReadOnlyList<TypeRefInfo> Restrict(IReadOnlyList<TypeRefInfo> inherited, string code) =>
        inherited.Where(t => t.Code == code).DefaultIfEmpty(new TypeRefInfo { Code = code }).ToList();

    private static TypeRefInfo Narrow(TypeRefInfo inherited, TypeRefInfo stated) => stated with
    {
        FhirTypeExtension = stated.FhirTypeExtension ?? inherited.FhirTypeExtension,
        Regex = stated.Regex ?? inherited.Regex,
        Profiles = stated.Profiles.Count > 0 ? stated.Profiles : inherited.Profiles,
        TargetProfiles = stated.TargetProfiles.Count > 0 ? stated.TargetProfiles : inherited.TargetProfiles,
        Aggregation = stated.Aggregation.Count > 0 ? stated.Aggregation : inherited.Aggregation,
        Versioning = stated.Versioning ?? inherited.Versioning,
    };

    private static bool IsTypeName(string code) => code.Length > 0 && char.IsUpper(code[0]);
}
