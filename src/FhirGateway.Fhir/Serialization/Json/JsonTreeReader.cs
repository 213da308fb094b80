using System.Text;
using System.Runtime.InteropServices;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// One pass over one JSON text with a forward-only <see cref="Utf8JsonReader"/>, building the typed element
/// tree directly and collecting issues. The JSON-only rules (choice suffixes, <c>_name</c> companions, null
/// placeholders, resourceType) live here; types and properties come from <see cref="TypeTables"/>.
/// </summary>
internal sealed partial class JsonTreeReader
{
    private readonly TypeTables _tables;
    private readonly Utf8SourceDocument _document;
    private readonly List<Issue> _issues = [];
    private readonly LocationPath _path = new();
    private readonly Stack<List<PropertySlot>> _slotPool;
    private readonly Stack<SlotEntries> _entryPool;

    public JsonTreeReader(TypeTables tables, Utf8SourceDocument document, ReaderScratch scratch)
    {
        _tables = tables;
        _document = document;
        _slotPool = scratch.Slots;
        _entryPool = scratch.Entries;
    }

    public List<Issue> Issues => _issues;

    /// <summary>The resource being read; set before its content is read, so a fatal error still leaves what was read.</summary>
    public ElementNode? Root { get; private set; }

    public void ReadRoot(ref Utf8JsonReader r)
    {
        r.Read();
        var start = (int)r.TokenStartIndex;
        if (r.TokenType != JsonTokenType.StartObject)
        {
            Report(IssueCatalogue.JsonRootNotObject, start, null, Describe(r.TokenType));
            r.Skip();
            return;
        }
        var table = ReadResourceType(ref r, null, -1, start);
        if (table is null)
        {
            r.Skip();
            return;
        }
        var type = table.Type;
        Root = new ElementNode(NodeShape.Root(type, _document), start, null);
        _path.Push(type.Name, -1);
        ReadObject(ref r, Root, table, isResource: true);
        _path.Pop();
    }

    /// <summary>Records the fatal syntax error that stopped the pass, at the place the reader had reached.</summary>
    public void ReportMalformed(JsonException e)
    {
        var offset = _document.OffsetOf(e.LineNumber ?? -1, e.BytePositionInLine ?? 0);
        Report(IssueCatalogue.JsonMalformed, offset, Root is null ? null : _path.Describe(), JsonErrorText.Reason(e));
    }

    /// <summary>Reads the properties of the object the reader is on into <paramref name="node"/>; returns how many properties the object had.</summary>
    private int ReadObject(ref Utf8JsonReader r, ElementNode node, TypedPropertyTable table, bool isResource)
    {
        var slots = _slotPool.Count > 0 ? _slotPool.Pop() : new List<PropertySlot>(8);
        var count = 0;
        var resourceTypeSeen = false;
        try
        {
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                count++;
                var namePos = (int)r.TokenStartIndex;
                var property = Lookup(ref r, table, out var companion);
                if (property is null)
                {
                    ReportUnknown(ref r, table, isResource, ref resourceTypeSeen, namePos);
                    r.Skip();
                    continue;
                }
                r.Read();
                if (companion) ReadCompanion(ref r, slots, property, namePos);
                else if (property.IsValue) ReadValue(ref r, slots, property, namePos);
                else ReadComplex(ref r, slots, property, namePos);
            }
        }
        catch (JsonException)
        {
            Attach(node, slots, quiet: true);
            throw;
        }
        Attach(node, slots, quiet: false);
        slots.Clear();
        _slotPool.Push(slots);
        return count;
    }

    private static TypedProperty? Lookup(ref Utf8JsonReader r, TypedPropertyTable table, out bool companion)
    {
        TypedProperty? found;
        if (r.ValueIsEscaped)
        {
            var name = TryGetString(ref r);
            companion = false;
            if (name is null) return null;
            companion = name.Length > 1 && name[0] == '_';
            return table.TryGet(companion ? name.AsSpan(1) : name.AsSpan(), out found) ? found : null;
        }
        var raw = r.ValueSpan;
        companion = raw.Length > 1 && raw[0] == (byte)'_';
        return table.TryGetUtf8(companion ? raw[1..] : raw, out found) ? found : null;
    }

    /// <summary>Reports a property the type does not have; <c>resourceType</c> is expected once on a resource (read ahead of time) and nowhere else.</summary>
    private void ReportUnknown(ref Utf8JsonReader r, TypedPropertyTable table, bool isResource, ref bool resourceTypeSeen, int namePos)
    {
        if (!JsonInputGuard.IsValidString(ref r))
        {
            Report(IssueCatalogue.JsonInvalidString, namePos, _path.Describe(), "(property name)", Encoding.UTF8.GetString(r.ValueSpan));
            return;
        }
        if (r.ValueTextEquals("resourceType"u8))
        {
            if (!isResource)
                Report(IssueCatalogue.JsonResourceTypeNotAllowed, namePos, _path.Describe("resourceType"), _path.Describe(), table.Type.TypeCode);
            else if (resourceTypeSeen)
                Report(IssueCatalogue.JsonDuplicateProperty, namePos, _path.Describe("resourceType"), "resourceType");
            resourceTypeSeen = true;
            return;
        }
        var name = TryGetString(ref r) ?? Encoding.UTF8.GetString(r.ValueSpan);
        Report(IssueCatalogue.JsonUnknownProperty, namePos, _path.Describe(name), name, table.Type.Name);
    }

    /// <summary>
    /// Finds the resource type of the object the reader is on by looking ahead (with a copy of the reader) for
    /// its <c>resourceType</c>, which JSON does not oblige to come first. Reports and returns null when absent or
    /// unknown. <paramref name="wire"/> and <paramref name="index"/> say where the object is (null: the root).
    /// </summary>
    private TypedPropertyTable? ReadResourceType(ref Utf8JsonReader r, string? wire, int index, int objectPos)
    {
        var probe = r;
        while (probe.Read() && probe.TokenType == JsonTokenType.PropertyName)
        {
            if (!JsonInputGuard.IsValidString(ref probe) || !probe.ValueTextEquals("resourceType"u8))
            {
                probe.Skip();
                continue;
            }
            var namePos = (int)probe.TokenStartIndex;
            probe.Read();
            if (probe.TokenType != JsonTokenType.String)
            {
                Report(IssueCatalogue.JsonWrongValueKind, (int)probe.TokenStartIndex, ObjectLocation(wire, index),
                    "resourceType", "code", "string", Describe(probe.TokenType));
                return null;
            }
            if (!JsonInputGuard.IsValidString(ref probe))
            {
                Report(IssueCatalogue.JsonInvalidString, (int)probe.TokenStartIndex, ObjectLocation(wire, index),
                    "resourceType", Encoding.UTF8.GetString(probe.ValueSpan));
                return null;
            }
            var table = ResourceTable(ref probe);
            if (table is null)
                Report(IssueCatalogue.JsonUnknownResourceType, namePos, ObjectLocation(wire, index), probe.GetString());
            return table;
        }
        Report(IssueCatalogue.JsonMissingResourceType, objectPos, ObjectLocation(wire, index),
            wire is null ? "(root)" : index < 0 ? wire : $"{wire}[{index}]");
        return null;
    }

    /// <summary>The property table of the resource type named by the string the reader is on, looked up without making a string of the name.</summary>
    private TypedPropertyTable? ResourceTable(ref Utf8JsonReader r)
    {
        const int longestTypeName = 64;
        if (r.ValueSpan.Length == 0) return null;
        if (r.ValueIsEscaped || r.ValueSpan.Length > longestTypeName) return _tables.ForResource(r.GetString());
        Span<char> name = stackalloc char[longestTypeName];
        return _tables.ForResource(name[..r.CopyString(name)]);
    }

    private string? ObjectLocation(string? wire, int index) => wire is null ? null : _path.Describe(wire, index);

    /// <summary>The string the reader is on, unescaped; null when it is not valid text (<see cref="JsonInputGuard.IsValidString"/>): the caller reports it.</summary>
    private static string? TryGetString(ref Utf8JsonReader r) => JsonInputGuard.TryGetString(ref r);

    private SlotEntries RentEntries() => _entryPool.Count > 0 ? _entryPool.Pop() : new SlotEntries();

    private static ElementNode NewNode(TypedProperty p, int position, object? text) => new(p.Shape, position, text);

    /// <summary>Finds the slot already holding this property (any of its choice names), or adds one; reports a repeat or a second choice type.</summary>
    private int FindOrAddSlot(List<PropertySlot> slots, TypedProperty p, bool companion, int namePos)
    {
        var span = CollectionsMarshal.AsSpan(slots);
        for (var i = 0; i < span.Length; i++)
        {
            if (!ReferenceEquals(span[i].Property.Property, p.Property)) continue;
            var other = span[i].Property;
            if (!ReferenceEquals(other, p))
            {
                Report(IssueCatalogue.JsonChoiceConflict, namePos, _path.Describe(Wire(p, companion)),
                    other.WireName, Wire(p, companion), p.Property.Path);
                return -1;
            }
            if ((companion ? span[i].CompanionCount : span[i].ValueCount) >= 0)
            {
                Report(IssueCatalogue.JsonDuplicateProperty, namePos, _path.Describe(Wire(p, companion)), Wire(p, companion));
                return -1;
            }
            return i;
        }
        slots.Add(new PropertySlot(p));
        return slots.Count - 1;
    }

    private static string Wire(TypedProperty p, bool companion) => companion ? p.CompanionName : p.WireName;

    private void Report(IssueDefinition definition, int position, string? location, params object?[] args)
    {
        var (line, column) = _document.Resolve(position);
        _issues.Add(definition.At(location, args) with { Line = line, Column = column, Origin = _document.Origin });
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}
