using System.Collections.Concurrent;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// The type model of a set of definitions: builds each type's <see cref="TypeDescriptor"/> from its
/// StructureDefinition snapshot on first request (with the descriptors of its backbone elements), caches it
/// and shares it read-only. Types are found by name (<c>Patient</c>, <c>Age</c>, <c>string</c>), by
/// backbone path (<c>Observation.component</c>), or as system types (<c>System.String</c>). A canonical URL
/// gives its type's descriptor, or for a profile a descriptor of the profiled type built from the profile's
/// snapshot (slices left out).
/// </summary>
public sealed class StructureTypeModel : ITypeModel
{
    private const string CoreUrlPrefix = "http://hl7.org/fhir/StructureDefinition/";
    private static readonly Lazy<StructureTypeModel> Core = new(() => new StructureTypeModel(CoreDefinitions.R4));

    private readonly IDefinitionSource _source;
    private readonly ConcurrentDictionary<string, Lazy<BuiltStructure?>> _structures = new(StringComparer.Ordinal);
    private readonly Lazy<Dictionary<string, string>> _specialisationUrls;

    public StructureTypeModel(IDefinitionSource source)
    {
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _specialisationUrls = new(IndexSpecialisations, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The type model of R4 core, over <see cref="CoreDefinitions.R4"/>.</summary>
    public static StructureTypeModel R4Core => Core.Value;

    public IDefinitionSource Definitions => _source;

    public TypeDescriptor? FindType(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (SystemTypes.Find(typeName) is { } system) return system;
        if (typeName.Contains('/', StringComparison.Ordinal)) return Structure(typeName)?.Root;
        var dot = typeName.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return Structure(typeName)?.Root;
        return Structure(typeName[..dot])?.Nested.GetValueOrDefault(typeName);
    }

    public bool IsSameOrSubtype(string typeName, string ancestorName)
    {
        var seen = 0;
        for (var type = FindType(typeName); type is not null && seen++ < 64; type = type.BaseTypeName is { } b ? FindType(b) : null)
            if (type.Name == ancestorName || type.TypeCode == ancestorName) return true;
        return false;
    }

    /// <summary>Every type the definitions specialise (resources, data types, primitives), by name.</summary>
    public IEnumerable<string> TypeNames => _specialisationUrls.Value.Keys.Order(StringComparer.Ordinal);

    private BuiltStructure? Structure(string nameOrUrl) =>
        _structures.GetOrAdd(nameOrUrl, static (key, self) => new Lazy<BuiltStructure?>(() => self.Build(key), LazyThreadSafetyMode.ExecutionAndPublication), this).Value;

    private BuiltStructure? Build(string key)
    {
        StructureDefinitionInfo? sd;
        if (key.Contains('/', StringComparison.Ordinal))
        {
            sd = _source.FindStructureDefinition(key);
            if (sd is null) return null;
            if (FindByName(sd.Type)?.Url == sd.Url) return Structure(sd.Type);
        }
        else sd = FindByName(key);
        return sd is { HasSnapshot: true } ? TypeBuilder.Build(sd, sd.Type) : null;
    }

    /// <summary>The specialisation that defines a type name: the core URL first, then any other specialisation of that type.</summary>
    private StructureDefinitionInfo? FindByName(string name) =>
        _source.FindStructureDefinition(CoreUrlPrefix + name) is { Derivation: not "constraint" } core && core.Type == name
            ? core
            : _specialisationUrls.Value.TryGetValue(name, out var url) ? _source.FindStructureDefinition(url) : null;

    private Dictionary<string, string> IndexSpecialisations()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in _source.List(DefinitionKind.StructureDefinition))
            if (e.Derivation is "specialization" or null && e.Type is not null && e.Type.IndexOf('/', StringComparison.Ordinal) < 0)
                map.TryAdd(e.Type, e.Url);
        return map;
    }
}

/// <summary>A type's descriptor and the descriptors of its backbone elements by path.</summary>
internal sealed record BuiltStructure(TypeDescriptor Root, IReadOnlyDictionary<string, TypeDescriptor> Nested);
