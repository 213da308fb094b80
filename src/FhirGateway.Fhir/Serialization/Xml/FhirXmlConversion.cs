using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// FHIR XML turned into FHIR JSON over the R4 core types, for the places that keep resources as JSON (definition
/// sources, packages): the same tree, written by <see cref="FhirJsonWriter"/>. Thread-safe.
/// </summary>
public static class FhirXmlConversion
{
    private static readonly Lazy<(FhirXmlParser Parser, FhirJsonWriter Writer)> Core = new(() =>
    {
        var parser = new FhirXmlParser(StructureTypeModel.R4Core);
        return (parser, new FhirJsonWriter(parser.Tables));
    });

    /// <summary>The resource as compact JSON with the reader's issues; no JSON when the XML could not be read as a resource (a fatal issue, an unknown root).</summary>
    public static (byte[]? Json, IReadOnlyList<Issue> Issues) ToJson(ReadOnlyMemory<byte> xml, string? origin)
    {
        var (parser, writer) = Core.Value;
        var parsed = parser.Parse(xml, origin);
        if (parsed.Root is null || parsed.Issues.Any(i => i.Severity == IssueSeverity.Fatal)) return (null, parsed.Issues);
        return (writer.ToUtf8Bytes(parsed.Root, pretty: false), parsed.Issues);
    }
}
