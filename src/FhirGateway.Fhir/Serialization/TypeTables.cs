using System.Collections.Concurrent;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// The reader-side view of a type model: property tables per type and concrete resource types by name, each
/// built on first use and cached. One instance per type model; thread-safe.
/// </summary>
public sealed class TypeTables
{
    private readonly ConcurrentDictionary<TypeDescriptor, TypedPropertyTable> _tables = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<string, TypedPropertyTable?> _resources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TypedPropertyTable?>.AlternateLookup<ReadOnlySpan<char>> _resourcesBySpan;

    public TypeTables(ITypeModel model)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        _resourcesBySpan = _resources.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public ITypeModel Model { get; }

    public TypedPropertyTable For(TypeDescriptor type) =>
        _tables.GetOrAdd(type, static (t, model) => TypedPropertyTable.Build(t, model), Model);

    /// <summary>The property table of a concrete (not abstract) resource type, or null when the name is not one.</summary>
    public TypedPropertyTable? ForResource(ReadOnlySpan<char> resourceType)
    {
        if (_resourcesBySpan.TryGetValue(resourceType, out var known)) return known;
        var name = resourceType.ToString();
        var type = Model.FindType(name);
        var table = type is { Kind: TypeKind.Resource, IsAbstract: false } && type.Name == name ? For(type) : null;
        return _resources.GetOrAdd(name, table);
    }
}
