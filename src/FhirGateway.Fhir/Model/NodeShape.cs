using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// What every element filling one property with one type has in common: its names, type code, type and
/// property. A reader takes one shape per wire name from its tables and gives it to every node it makes for
/// that name, so a node holds one reference instead of five. The shape of a tree's root (made per tree) also
/// names the document the tree was read from, which its nodes share. Immutable.
/// </summary>
internal sealed class NodeShape
{
    public NodeShape(string name, string jsonName, string? instanceType, TypeDescriptor? type, PropertyDescriptor? property,
        ISourceDocument? document = null)
    {
        Name = name;
        JsonName = jsonName;
        InstanceType = instanceType;
        Type = type;
        Property = property;
        IsResource = type is { Kind: TypeKind.Resource };
        IsPrimitive = type is { Kind: TypeKind.Primitive };
        Document = document;
    }

    /// <summary>The shape of the resource at the root of a tree read from <paramref name="document"/>: named by its type.</summary>
    public static NodeShape Root(TypeDescriptor type, ISourceDocument document) => new(type.Name, type.Name, type.TypeCode, type, null, document);

    public string Name { get; }

    public string JsonName { get; }

    public string? InstanceType { get; }

    public TypeDescriptor? Type { get; }

    public PropertyDescriptor? Property { get; }

    /// <summary>The text the node (and, for a root, its tree) was read from; null for the shapes readers share.</summary>
    public ISourceDocument? Document { get; }

    public bool IsResource { get; }

    public bool IsPrimitive { get; }

    public ElementDefinitionInfo? Definition => Property?.Definition ?? Type?.RootDefinition;
}
