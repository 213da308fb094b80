using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// Reads FHIR R4 JSON (https://hl7.org/fhir/R4/json.html) into the typed element tree in one forward-only
/// pass. Problems become issues with a FHIRPath location and line/column; reading goes on past them. One
/// instance per type model; thread-safe.
/// </summary>
public sealed class FhirJsonParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 512, CommentHandling = JsonCommentHandling.Disallow };

    public FhirJsonParser(ITypeModel model) : this(new TypeTables(model))
    {
    }

    public FhirJsonParser(TypeTables tables)
    {
        Tables = tables ?? throw new ArgumentNullException(nameof(tables));
    }

    public TypeTables Tables { get; }

    public JsonParseResult Parse(string json, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), origin);
    }

    public async Task<JsonParseResult> ParseAsync(Stream stream, string? origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.ToArray(), origin);
    }

    /// <summary>Reads UTF-8 JSON (a byte order mark is skipped). The tree keeps <paramref name="utf8"/> to resolve line and column on demand.</summary>
    public JsonParseResult Parse(ReadOnlyMemory<byte> utf8, string? origin = null)
    {
        if (utf8.Span.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        var document = new Utf8SourceDocument(utf8, origin);
        var scratch = ReaderScratch.Rent();
        var tree = new JsonTreeReader(Tables, document, scratch);
        var reader = new Utf8JsonReader(utf8.Span, ReaderOptions);
        try
        {
            tree.ReadRoot(ref reader);
            reader.Read(); // throws on anything but whitespace after the resource
            ReaderScratch.Return(scratch); // only after a clean pass: a cut-short one may leave lists in use
        }
        catch (JsonException e)
        {
            tree.ReportMalformed(e);
        }
        return new JsonParseResult(tree.Root, tree.Issues, document);
    }
}
