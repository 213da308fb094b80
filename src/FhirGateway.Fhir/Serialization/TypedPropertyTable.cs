using System.Collections.Frozen;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// The wire names of one type, each resolved to a <see cref="TypedProperty"/>, with a lookup by character span
/// or by UTF-8 bytes, so readers find a property without allocating or transcoding its name. Built once per type; immutable.
/// </summary>
public sealed class TypedPropertyTable
{
    private readonly FrozenDictionary<string, TypedProperty> _byName;
    private readonly FrozenDictionary<string, TypedProperty>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly Utf8NameTable<TypedProperty> _byUtf8;

    private TypedPropertyTable(TypeDescriptor type, FrozenDictionary<string, TypedProperty> byName)
    {
        Type = type;
        _byName = byName;
        _bySpan = byName.GetAlternateLookup<ReadOnlySpan<char>>();
        _byUtf8 = new Utf8NameTable<TypedProperty>(byName);
    }

    public TypeDescriptor Type { get; }

    public int Count => _byName.Count;

    public bool TryGet(ReadOnlySpan<char> wireName, out TypedProperty property) => _bySpan.TryGetValue(wireName, out property!);

    public bool TryGetUtf8(ReadOnlySpan<byte> wireName, out TypedProperty property) => _byUtf8.TryGet(wireName, out property);

    public bool TryGet(string wireName, out TypedProperty property) => _byName.TryGetValue(wireName, out property!);

    internal static TypedPropertyTable Build(TypeDescriptor type, TypeTables tables)
    {
        var model = tables.Model;
        var map = new Dictionary<string, TypedProperty>(StringComparer.Ordinal);
        TypedProperty Typed(string wire, PropertyDescriptor p, string? code, TypeDescriptor? t) =>
            new(wire, p, code, t, t is null ? PrimitiveValueKind.String : tables.ValueKindOf(t));
        foreach (var p in type.Properties)
        {
            if (p.IsChoice)
            {
                foreach (var code in p.TypeCodes)
                {
                    var wire = string.Concat(p.Name, char.ToUpperInvariant(code[0]).ToString(), code.AsSpan(1));
                    map[wire] = Typed(wire, p, code, Resolve(model, p, code));
                }
                continue;
            }
            if (p.NestedType is not null)
                map[p.Name] = Typed(p.Name, p, p.NestedType.TypeCode, p.NestedType);
            else if (p.IsResourceContainer)
                map[p.Name] = Typed(p.Name, p, null, null);
            else if (p.TypeCodes.Count > 0)
                map[p.Name] = Typed(p.Name, p, p.TypeCodes[0], Resolve(model, p, p.TypeCodes[0]));
            else
                throw new InvalidOperationException($"The definitions give {p.Path} no type.");
        }
        return new TypedPropertyTable(type, map.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static TypeDescriptor Resolve(ITypeModel model, PropertyDescriptor p, string code) =>
        model.FindType(code) ?? throw new InvalidOperationException($"The definitions give {p.Path} the type '{code}', which the type model does not know.");

    public override string ToString() => Type.Name;
}
