using System.Collections.Concurrent;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// One wire name of a type resolved once for readers: <c>valueQuantity</c> → property <c>value[x]</c>, type
/// Quantity. Shared by the JSON and XML readers; immutable apart from the lazily resolved
/// table of its own type's properties and the shapes of the resources a container holds.
/// </summary>
public sealed class TypedProperty
{
    private TypedPropertyTable? _childTable;
    private ConcurrentDictionary<TypeDescriptor, NodeShape>? _resourceShapes;

    internal TypedProperty(string wireName, PropertyDescriptor property, string? instanceType, TypeDescriptor? type, PrimitiveValueKind valueKind)
    {
        WireName = wireName;
        Property = property;
        InstanceType = instanceType;
        Type = type;
        IsResourceContainer = property.IsResourceContainer;
        IsValue = type is { Kind: TypeKind.Primitive or TypeKind.System };
        TakesCompanion = type is { Kind: TypeKind.Primitive } && !property.IsXmlAttribute;
        ValueKind = valueKind;
        CompanionName = "_" + wireName;
        Shape = new NodeShape(property.Name, wireName, instanceType, type, property);
    }

    /// <summary>The name on the wire (<c>valueQuantity</c>, <c>given</c>); the same string instance goes into every node.</summary>
    public string WireName { get; }

    /// <summary>The FHIRPath name (<c>value</c>).</summary>
    public string Name => Property.Name;

    public PropertyDescriptor Property { get; }

    /// <summary>The type code nodes of this property carry; null for resource containers (the instance names its type).</summary>
    public string? InstanceType { get; }

    /// <summary>The type of the value; null for resource containers.</summary>
    public TypeDescriptor? Type { get; }

    public bool IsCollection => Property.IsCollection;

    public bool IsResourceContainer { get; }

    /// <summary>True when the value is a primitive (or system-typed attribute) held as text.</summary>
    public bool IsValue { get; }

    /// <summary>True when a <c>_name</c> companion may carry the element's id and extensions (primitives that are not xml attributes).</summary>
    public bool TakesCompanion { get; }

    public PrimitiveValueKind ValueKind { get; }

    /// <summary>The name of the <c>_name</c> companion on the wire (<c>_given</c>).</summary>
    internal string CompanionName { get; }

    /// <summary>What every node of this property shares (for a resource container, see <see cref="ResourceShape"/>).</summary>
    internal NodeShape Shape { get; }

    /// <summary>The shape of a resource of the given type held by this container property (<c>contained</c>, <c>Bundle.entry.resource</c>).</summary>
    internal NodeShape ResourceShape(TypeDescriptor type)
    {
        var shapes = _resourceShapes ?? LazyInitializer.EnsureInitialized(ref _resourceShapes,
            () => new ConcurrentDictionary<TypeDescriptor, NodeShape>(ReferenceEqualityComparer.Instance));
        return shapes.TryGetValue(type, out var shape)
            ? shape
            : shapes.GetOrAdd(type, static (t, p) => new NodeShape(p.Name, p.WireName, t.TypeCode, t, p.Property), this);
    }

    /// <summary>The property table of this property's type (not for resource containers).</summary>
    public TypedPropertyTable ChildTable(TypeTables tables) =>
        _childTable ??= tables.For(Type ?? throw new InvalidOperationException($"{Property.Path} has no fixed type."));

    public override string ToString() => $"{WireName} ({InstanceType})";
}
