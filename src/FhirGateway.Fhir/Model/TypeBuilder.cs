using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Fhir.Model;

/// <summary>
/// Builds the descriptor of one type from its snapshot: properties are the direct children of the root (and
/// of each backbone element), in definition order, without slices; a primitive's <c>value</c> element gives
/// its system type and regex instead of a property; <c>contentReference</c> points at the referenced
/// backbone's descriptor, so recursive structures (<c>Questionnaire.item.item</c>) close into cycles.
/// </summary>
internal static class TypeBuilder
{
    public static BuiltStructure Build(StructureDefinitionInfo sd, string typeName)
    {
        var snapshot = sd.Snapshot;
        var root = snapshot[0];
        var isPrimitive = sd.Kind == "primitive-type";
        var valuePath = root.Path + ".value";

        // First pass: a descriptor (with a property list still to fill) per backbone element, so that
        // contentReferences can point at any of them, earlier or later.
        var lists = new Dictionary<string, List<PropertyDescriptor>>(StringComparer.Ordinal) { [root.Path] = [] };
        var nested = new Dictionary<string, TypeDescriptor>(StringComparer.Ordinal);
        for (var i = 1; i < snapshot.Count; i++)
        {
            var e = snapshot[i];
            if (!InBaseStructure(e) || !IsBackbone(snapshot, i)) continue;
            var list = new List<PropertyDescriptor>();
            lists[e.Path] = list;
            var code = e.Types[0].Code;
            nested[e.Path] = new TypeDescriptor
            {
                Name = e.Path, TypeCode = code, Kind = TypeKind.Backbone, BaseTypeName = code,
                Properties = list, Structure = sd, RootDefinition = e,
            };
        }

        ElementDefinitionInfo? valueElement = null;
        foreach (var e in snapshot.Skip(1))
        {
            if (!InBaseStructure(e)) continue;
            if (isPrimitive && e.Path == valuePath)
            {
                valueElement = e;
                continue;
            }
            var parentPath = ParentPath(e.Path);
            if (parentPath is null || !lists.TryGetValue(parentPath, out var siblings)) continue;
            siblings.Add(CreateProperty(e, siblings.Count, nested, sd));
        }

        var valueType = valueElement?.Types.Count > 0 ? valueElement.Types[0] : null;
        var descriptor = new TypeDescriptor
        {
            Name = typeName,
            TypeCode = typeName,
            Kind = KindOf(sd),
            IsAbstract = sd.Abstract,
            BaseTypeName = sd.BaseDefinition is { } b ? b[(b.LastIndexOf('/') + 1)..] : null,
            Properties = lists[root.Path],
            SystemType = valueType is null ? null : SystemTypes.NameOf(valueType.Code),
            ValueRegex = valueType?.Regex,
            Structure = sd,
            RootDefinition = root,
        };
        return new BuiltStructure(descriptor, nested);
    }

    private static PropertyDescriptor CreateProperty(ElementDefinitionInfo e, int order, Dictionary<string, TypeDescriptor> nested, StructureDefinitionInfo sd)
    {
        var last = e.Path[(e.Path.LastIndexOf('.') + 1)..];
        var isChoice = last.EndsWith("[x]", StringComparison.Ordinal);
        TypeDescriptor? nestedType = null;
        if (e.ContentReference is { } reference)
        {
            var target = reference[(reference.IndexOf('#') + 1)..];
            nestedType = nested.GetValueOrDefault(target)
                ?? throw new DefinitionFormatException($"{sd.Url}: {e.Path} refers to {reference}, which is not a backbone element of the structure");
        }
        else nested.TryGetValue(e.Path, out nestedType);
        var typeCodes = nestedType is not null && e.ContentReference is not null
            ? [nestedType.TypeCode]
            : IsResourceId(e) ? [ResourceIdType] : e.Types.Select(TypeCodeOf).ToArray();
        var max = e.Max ?? e.Base?.Max ?? "1";
        return new PropertyDescriptor
        {
            Name = isChoice ? last[..^3] : last,
            Path = e.Path,
            Order = order,
            IsChoice = isChoice,
            Min = e.Min ?? 0,
            Max = max,
            IsCollection = max != "1" && max != "0",
            TypeCodes = typeCodes,
            IsXmlAttribute = e.Representation.Contains("xmlAttr"),
            IsXhtml = typeCodes is ["xhtml"],
            IsResourceContainer = typeCodes is ["Resource"],
            NestedType = nestedType,
            IsModifier = e.IsModifier ?? false,
            IsSummary = e.IsSummary ?? false,
            Definition = e,
        };
    }

    private const string ResourceIdType = "id";

    /// <summary>
    /// <c>Resource.id</c> (and every resource's <c>id</c>, whose base it is) is of type <c>id</c>
    /// (https://hl7.org/fhir/R4/resource.html#Resource: "Resource.id : id"), though R4's snapshots type it as
    /// <c>System.String</c> with the fhir-type extension <c>string</c> and later tooling's snapshots as <c>id</c>.
    /// Reading it as <c>id</c> (a specialisation of string) satisfies both and checks the id's form by its type.
    /// </summary>
    private static bool IsResourceId(ElementDefinitionInfo e) =>
        (e.Base?.Path ?? e.Path) == "Resource.id" && e.Types is [var t] && TypeCodeOf(t) is "string" or "id";

    /// <summary>The FHIR type code of an allowed type; system-typed attributes give the FHIR type their extension names.</summary>
    private static string TypeCodeOf(TypeRefInfo t) =>
        t.FhirTypeExtension ?? (SystemTypes.NameOf(t.Code) is { } system ? SystemTypes.FhirTypeOf(system) : t.Code);

    /// <summary>Slices and their descendants (ids with <c>:slice</c>) are not part of the type's structure.</summary>
    private static bool InBaseStructure(ElementDefinitionInfo e) =>
        e.SliceName is null && (e.Id is null || !e.Id.Contains(':', StringComparison.Ordinal));

    /// <summary>An inline element: typed BackboneElement or Element, with children of its own (which follow it in a snapshot, after any slices of it).</summary>
    private static bool IsBackbone(IReadOnlyList<ElementDefinitionInfo> snapshot, int index)
    {
        var e = snapshot[index];
        if (e.Types is not [{ Code: "BackboneElement" or "Element" }]) return false;
        for (var i = index + 1; i < snapshot.Count; i++)
        {
            var path = snapshot[i].Path;
            if (path == e.Path) continue;
            return path.Length > e.Path.Length && path[e.Path.Length] == '.' && path.StartsWith(e.Path, StringComparison.Ordinal);
        }
        return false;
    }

    private static string? ParentPath(string path)
    {
        var dot = path.LastIndexOf('.');
        return dot < 0 ? null : path[..dot];
    }

    private static TypeKind KindOf(StructureDefinitionInfo sd) => sd.Kind switch
    {
        "primitive-type" => TypeKind.Primitive,
        "complex-type" => TypeKind.Complex,
        "resource" => TypeKind.Resource,
        "logical" => TypeKind.Logical,
        _ => throw new DefinitionFormatException($"{sd.Url}: unknown kind '{sd.Kind}'"),
    };
}
