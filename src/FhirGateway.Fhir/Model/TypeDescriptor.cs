using System.Collections.Frozen;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// A FHIR type as the readers, writers and FHIRPath see it: its kind, base type and properties in definition
/// order, with a lookup by wire name that resolves choice properties (<c>valueQuantity</c> → <c>value[x]</c> of
/// type <c>Quantity</c>). Immutable and thread-safe once built.
/// </summary>
public sealed class TypeDescriptor
{
    private readonly FrozenDictionary<string, PropertyMatch> _byWireName;

    public TypeDescriptor(string name, string typeCode, TypeKind kind, bool isAbstract, string? baseTypeName,
        IReadOnlyList<PropertyDescriptor> properties, StructureDefinitionInfo? structure, ElementDefinitionInfo? rootDefinition)
    {
        Name = name;
        TypeCode = typeCode;
        Kind = kind;
        IsAbstract = isAbstract;
        BaseTypeName = baseTypeName;
        Properties = properties;
        Structure = structure;
        RootDefinition = rootDefinition;
        _byWireName = BuildLookup(properties);
    }

    /// <summary>The type name (<c>Observation</c>, <c>HumanName</c>), or for a backbone element its path (<c>Observation.component</c>).</summary>
    public string Name { get; }

    /// <summary>The FHIR type code an instance carries: the name, or <c>BackboneElement</c>/<c>Element</c> for a backbone element.</summary>
    public string TypeCode { get; }

    public TypeKind Kind { get; }

    public bool IsAbstract { get; }

    /// <summary>The base type's name (<c>DomainResource</c> for <c>Patient</c>, <c>Quantity</c> for <c>Age</c>), null for Base/Element/Resource roots.</summary>
    public string? BaseTypeName { get; }

    /// <summary>The properties in definition order; for a primitive the <c>value</c> element is not a property (it is the node's text).</summary>
    public IReadOnlyList<PropertyDescriptor> Properties { get; }

    /// <summary>The structure that defines this type; null for system types.</summary>
    public StructureDefinitionInfo? Structure { get; }

    /// <summary>The snapshot's root element (or the backbone element's own definition).</summary>
    public ElementDefinitionInfo? RootDefinition { get; }

    /// <summary>Finds the property a JSON property name stands for, resolving choice suffixes to their type.</summary>
    public bool TryGetProperty(string wireName, out PropertyMatch match) => _byWireName.TryGetValue(wireName, out match);

    /// <summary>Finds a property by its FHIRPath name (<c>value</c>, not <c>valueQuantity</c>).</summary>
    public PropertyDescriptor? FindProperty(string name)
    {
        foreach (var p in Properties)
            if (p.Name == name) return p;
        return null;
    }

    private static FrozenDictionary<string, PropertyMatch> BuildLookup(IReadOnlyList<PropertyDescriptor> properties)
    {
        var map = new Dictionary<string, PropertyMatch>(StringComparer.Ordinal);
        foreach (var p in properties)
        {
            if (!p.IsChoice)
            {
                map[p.Name] = new PropertyMatch(p, p.TypeCodes.Count > 0 ? p.TypeCodes[0] : null);
                continue;
            }
            foreach (var code in p.TypeCodes)
                map[p.Name + char.ToUpperInvariant(code[0]) + code[1..]] = new PropertyMatch(p, code);
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public override string ToString() => Name;
}

/// <summary>A wire name resolved to its property and to the type the name selects (for choice properties the suffix's type).</summary>
public readonly record struct PropertyMatch(PropertyDescriptor Property, string? TypeCode);
