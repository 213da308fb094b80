using System.Text.Json;

namespace FhirGateway.Fhir.Definitions.Json;

/// <summary>
/// Reads FHIR JSON of conformance resources (StructureDefinition, ValueSet, CodeSystem, SearchParameter)
/// straight into the Info records, keeping only what computes. The one reader for conformance JSON: loose
/// files, packages and the embedded pack all go through it.
/// </summary>
public static partial class ConformanceJsonReader
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>Reads one resource of the given kind; <paramref name="origin"/> names it in error messages.</summary>
    public static object Read(DefinitionKind kind, ReadOnlySpan<byte> json, string? origin = null)
    {
        try
        {
            if (ResourceType(json) is { } type && type != kind.ToString())
                throw new DefinitionFormatException($"it is a {type}, not a {kind}");
            var r = new Utf8JsonReader(json, Options);
            return kind switch
            {
                DefinitionKind.StructureDefinition => ReadStructureDefinition(ref r),
                DefinitionKind.ValueSet => ReadValueSet(ref r),
                DefinitionKind.CodeSystem => ReadCodeSystem(ref r),
                DefinitionKind.SearchParameter => ReadSearchParameter(ref r),
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }
        catch (Exception e) when (e is JsonException or DefinitionFormatException or InvalidOperationException)
        {
            var property = e is DefinitionFormatException { Position: { } at } ? JsonRead.PropertyBefore(json, at) : null;
            throw new DefinitionFormatException($"Cannot read {kind} {origin}: {(property is null ? "" : $"'{property}': ")}{e.Message}", e);
        }
    }

    /// <summary>The top-level <c>resourceType</c> (usually the first property, so this reads little); null when there is none.</summary>
    private static string? ResourceType(ReadOnlySpan<byte> json)
    {
        var r = new Utf8JsonReader(json, Options);
        if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("resourceType"u8)) return r.Read() && r.TokenType == JsonTokenType.String ? r.GetString() : null;
            r.Read();
            r.Skip();
        }
        return null;
    }

    public static StructureDefinitionInfo ReadStructureDefinition(ReadOnlySpan<byte> json, string? origin = null) =>
        (StructureDefinitionInfo)Read(DefinitionKind.StructureDefinition, json, origin);

    public static ValueSetInfo ReadValueSet(ReadOnlySpan<byte> json, string? origin = null) =>
        (ValueSetInfo)Read(DefinitionKind.ValueSet, json, origin);

    public static CodeSystemInfo ReadCodeSystem(ReadOnlySpan<byte> json, string? origin = null) =>
        (CodeSystemInfo)Read(DefinitionKind.CodeSystem, json, origin);

    public static SearchParameterInfo ReadSearchParameter(ReadOnlySpan<byte> json, string? origin = null) =>
        (SearchParameterInfo)Read(DefinitionKind.SearchParameter, json, origin);

    private static StructureDefinitionInfo ReadStructureDefinition(ref Utf8JsonReader r)
    {
        string? url = null, version = null, name = null, title = null, status = null, kind = null, type = null;
        string? baseDefinition = null, derivation = null, fhirVersion = null;
        var isAbstract = false;
        List<ContextInfo>? contexts = null;
        IReadOnlyList<string>? contextInvariants = null;
        IReadOnlyList<ElementDefinitionInfo> snapshot = [], differential = [];
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (r.ValueTextEquals("url"u8)) url = JsonRead.String(ref r);
            else if (r.ValueTextEquals("version"u8)) version = JsonRead.String(ref r);
            else if (r.ValueTextEquals("name"u8)) name = JsonRead.String(ref r);
            else if (r.ValueTextEquals("title"u8)) title = JsonRead.String(ref r);
            else if (r.ValueTextEquals("status"u8)) status = JsonRead.String(ref r);
            else if (r.ValueTextEquals("kind"u8)) kind = JsonRead.String(ref r);
            else if (r.ValueTextEquals("abstract"u8)) isAbstract = JsonRead.Bool(ref r);
            else if (r.ValueTextEquals("type"u8)) type = JsonRead.String(ref r);
            else if (r.ValueTextEquals("baseDefinition"u8)) baseDefinition = JsonRead.String(ref r);
            else if (r.ValueTextEquals("derivation"u8)) derivation = JsonRead.String(ref r);
            else if (r.ValueTextEquals("fhirVersion"u8)) fhirVersion = JsonRead.String(ref r);
            else if (r.ValueTextEquals("context"u8)) contexts = ReadContexts(ref r);
            else if (r.ValueTextEquals("contextInvariant"u8)) contextInvariants = JsonRead.Strings(ref r);
            else if (r.ValueTextEquals("snapshot"u8)) snapshot = ReadElementList(ref r);
            else if (r.ValueTextEquals("differential"u8)) differential = ReadElementList(ref r);
            else JsonRead.SkipValue(ref r);
        }
        return new StructureDefinitionInfo
        {
            Url = url ?? throw new DefinitionFormatException("StructureDefinition has no url"),
            Version = version,
            // name is 1..1, but a nameless definition still computes: validating it as a resource reports the gap.
            Name = name ?? url?[(url.LastIndexOf('/') + 1)..] ?? "",
            Title = title,
            Status = status,
            Kind = kind ?? throw new DefinitionFormatException($"StructureDefinition {url} has no kind"),
            Abstract = isAbstract,
            Type = type ?? throw new DefinitionFormatException($"StructureDefinition {url} has no type"),
            BaseDefinition = baseDefinition,
            Derivation = derivation,
            FhirVersion = fhirVersion,
            Contexts = (IReadOnlyList<ContextInfo>?)contexts ?? [],
            ContextInvariants = contextInvariants ?? [],
            Snapshot = snapshot,
            Differential = differential,
        };
    }

    private static List<ContextInfo> ReadContexts(ref Utf8JsonReader r)
    {
        var list = new List<ContextInfo>();
        JsonRead.StartArray(ref r);
        while (JsonRead.NextObject(ref r))
        {
            string? type = null, expression = null;
            while (JsonRead.NextProperty(ref r))
            {
                if (r.ValueTextEquals("type"u8)) type = JsonRead.String(ref r);
                else if (r.ValueTextEquals("expression"u8)) expression = JsonRead.String(ref r);
                else JsonRead.SkipValue(ref r);
            }
            list.Add(new ContextInfo(type ?? "element", expression ?? throw new DefinitionFormatException("context without expression")));
        }
        return list;
    }

    /// <summary>Reads a snapshot or differential object: its <c>element</c> array.</summary>
    private static IReadOnlyList<ElementDefinitionInfo> ReadElementList(ref Utf8JsonReader r)
    {
        IReadOnlyList<ElementDefinitionInfo> elements = [];
        JsonRead.StartObject(ref r);
        while (JsonRead.NextProperty(ref r))
        {
            if (!r.ValueTextEquals("element"u8))
            {
                JsonRead.SkipValue(ref r);
                continue;
            }
            var list = new List<ElementDefinitionInfo>();
            JsonRead.StartArray(ref r);
            while (JsonRead.NextObject(ref r)) list.Add(ReadElement(ref r));
            elements = list.ToArray();
        }
        return elements;
    }
}
