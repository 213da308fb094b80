using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;

namespace FhirGateway.Mapping.Fhir;

/// <summary>Small builders for the FHIR data types the mappers write, as JSON nodes in definition order.</summary>
internal static class FhirNodes
{
    /// <summary>Compact, with non-ASCII text as is: the form mapped resources and bundles are written in.</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = false };

    public static byte[] ToUtf8(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Compact);

    public static JsonObject Coding(string system, string code, string? display = null)
    {
        var c = new JsonObject { ["system"] = system, ["code"] = code };
        if (display is not null) c["display"] = display;
        return c;
    }

    public static JsonObject Concept(string system, string code, string? display = null, string? text = null) =>
        Concept([Coding(system, code, display)], text);

    public static JsonObject Concept(IEnumerable<JsonObject> codings, string? text = null)
    {
        var c = new JsonObject { ["coding"] = Array(codings) };
        if (text is not null) c["text"] = text;
        return c;
    }

    public static JsonObject TextConcept(string text) => new() { ["text"] = text };

    public static JsonObject Identifier(BusinessIdentifier id, JsonObject? type = null)
    {
        var i = new JsonObject();
        if (type is not null) i["type"] = type;
        i["system"] = id.System;
        i["value"] = id.Value;
        return i;
    }

    /// <summary>A UCUM quantity keeping the record's number exactly as written.</summary>
    public static JsonObject Quantity(RecordNumber value, string unit, string code) => new()
    {
        ["value"] = Number(value),
        ["unit"] = unit,
        ["system"] = ClinicIg.Standard.Ucum,
        ["code"] = code,
    };

    public static JsonNode Number(RecordNumber value) => JsonNode.Parse(value.Text)!;

    /// <summary>A literal reference to a mapped resource (<c>Type/id</c>) that also names its business identifier.</summary>
    public static JsonObject Reference(ResourceKey target, string? display = null)
    {
        var r = new JsonObject
        {
            ["reference"] = target.Reference,
            ["type"] = target.Type,
            ["identifier"] = Identifier(target.Identifier),
        };
        if (display is not null) r["display"] = display;
        return r;
    }

    /// <summary>A logical reference (identifier and name) to something the clinic does not send as a resource: an organisation, a practitioner, software.</summary>
    public static JsonObject LogicalReference(string type, BusinessIdentifier identifier, string display) => new()
    {
        ["type"] = type,
        ["identifier"] = Identifier(identifier),
        ["display"] = display,
    };

    public static JsonObject Extension(string url, string valueProperty, JsonNode value) =>
        new() { ["url"] = url, [valueProperty] = value };

    public static JsonObject Text(Narrative narrative) => new() { ["status"] = "generated", ["div"] = narrative.ToXhtml() };

    public static JsonObject Period(string? start, string? end)
    {
        var p = new JsonObject();
        if (start is not null) p["start"] = start;
        if (end is not null) p["end"] = end;
        return p;
    }

    public static JsonObject Annotation(string text) => new() { ["text"] = text };

    public static JsonArray Array(IEnumerable<JsonNode> items)
    {
        var a = new JsonArray();
        foreach (var item in items) a.Add(item);
        return a;
    }

    public static JsonArray Array(params JsonNode[] items) => Array((IEnumerable<JsonNode>)items);
}
