using System.Collections.Frozen;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// A FHIR type as the readers, writers and FHIRPath see it: its kind, base type and properties in definition
/// order, with a lookup by wire name that resolves choice properties (<c>valueQuantity</c> → <c>value[x]</c> of
/// type <c>Quantity</c>). Built once by a type model, then shared read-only across threads.
/// </summary>
/// <remarks>
/// <see cref="Properties"/> may be a list the builder fills after creating the descriptor (a backbone element
/// that contains itself through a contentReference, such as <c>Questionnaire.item.item</c>, needs that); the
/// builder publishes the descriptor only when it is complete.
/// </remarks>
public sealed class TypeDescriptor
{
    private FrozenDictionary<string, PropertyMatch>? _byWireName;

    /// <summary>The type name (<c>Observation</c>, <c>HumanName</c>), or for a backbone element its path (<c>Observation.component</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The FHIR type code an instance carries: the name, or <c>BackboneElement</c>/<c>Element</c> for a backbone element.</summary>
    public required string TypeCode { get; init; }

    public required TypeKind Kind { get; init; }

    public bool IsAbstract { get; init; }

    /// <summary>The base type's name (<c>DomainResource</c> for <c>Patient</c>, <c>Quantity</c> for <c>Age</c>), null for Base/Element/Resource roots.</summary>
    public string? BaseTypeName { get; init; }

    /// <summary>The properties in definition order; for a primitive the <c>value</c> element is not a property (it is the node's text).</summary>
    public required IReadOnlyList<PropertyDescriptor> Properties { get; init; }

    /// <summary>For a primitive, the FHIRPath system type its value maps to (<c>System.Decimal</c> for decimal, <c>System.String</c> for code), from the definition of its value element.</summary>
    public string? SystemType { get; init; }

    /// <summary>For a primitive, the lexical rule (regex) its value element declares, if any.</summary>
    public string? ValueRegex { get; init; }

    /// <summary>The structure that defines this type; null for system types.</summary>
    public StructureDefinitionInfo? Structure { get; init; }

    /// <summary>The snapshot's root element (or the backbone element's own definition).</summary>
    public ElementDefinitionInfo? RootDefinition { get; init; }

    /// <summary>Finds the property a JSON property name stands for, resolving choice suffixes to their type.</summary>
    public bool TryGetProperty(string wireName, out PropertyMatch match)
    {
        var map = _byWireName ?? LazyInitializer.EnsureInitialized(ref _byWireName, () => BuildLookup(Properties));
        return map.TryGetValue(wireName, out match);
    }

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
