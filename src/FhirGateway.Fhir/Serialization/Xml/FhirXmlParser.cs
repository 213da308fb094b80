using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>
/// Reads FHIR R4 XML (https://hl7.org/fhir/R4/xml.html) into the same typed element tree as
/// <see cref="Json.FhirJsonParser"/>, in one forward-only <see cref="XmlReader"/> pass. Problems become issues
/// with a FHIRPath location and line/column; reading goes on past them (a text that is not well-formed stops the
/// pass with one fatal issue). DTDs are refused and nothing outside the text is ever resolved. One instance per
/// type model; thread-safe.
/// </summary>
public sealed class FhirXmlParser
{
    private static readonly XmlReaderSettings Settings = SafeXmlSettings.Create(ignoreComments: true);

    public FhirXmlParser(ITypeModel model) : this(new TypeTables(model))
    {
    }

    public FhirXmlParser(TypeTables tables)
    {
        Tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    public TypeTables Tables { get; }

    /// <summary>Reads XML bytes: the encoding comes from a byte order mark or the XML declaration (UTF-8 when neither says).</summary>
    public FhirParseResult Parse(ReadOnlyMemory<byte> bytes, string? origin = null)
    {
        var text = XmlTextDecoder.Decode(bytes.Span, out var error);
        if (text is not null) return Parse(text, origin);
        var document = new XmlSourceDocument("", origin);
        var issue = IssueCatalogue.XmlMalformed.At(null, error) with { Origin = origin };
        return new FhirParseResult(null, [issue], document, FhirFormat.Xml);
    }

    public FhirParseResult Parse(string xml, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        if (xml.Length > 0 && xml[0] == '\uFEFF') xml = xml[1..];
        var document = new XmlSourceDocument(xml, origin);
        var tree = new XmlTreeReader(Tables, document);
        using (var reader = XmlReader.Create(new StringReader(xml), Settings)) tree.Read(reader);
        return new FhirParseResult(tree.Root, tree.Issues, document, FhirFormat.Xml);
    }

    public async Task<FhirParseResult> ParseAsync(Stream stream, string? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.ToArray(), origin);
    }
}
