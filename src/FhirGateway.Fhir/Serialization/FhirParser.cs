using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// Reads a FHIR resource in either wire format, telling them apart by content (<see cref="FhirFormats.Detect"/>):
/// both readers build the same element tree over the same type tables. Thread-safe.
/// </summary>
public sealed class FhirParser
{
    public FhirParser(ITypeModel model) : this(new TypeTables(model))
    {
    }

    public FhirParser(TypeTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Json = new FhirJsonParser(tables);
        Xml = new FhirXmlParser(tables);
    }

    public FhirJsonParser Json { get; }

    public FhirXmlParser Xml { get; }

    public TypeTables Tables => Json.Tables;

    /// <summary>Reads JSON or XML, as the text's first character (or else the extension of <paramref name="origin"/>) says.</summary>
    public FhirParseResult Parse(ReadOnlyMemory<byte> bytes, string? origin = null) =>
        FhirFormats.Detect(bytes.Span, origin) == FhirFormat.Xml ? Xml.Parse(bytes, origin) : Json.Parse(bytes, origin);
}
