using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Cli;

/// <summary>FHIR JSON the commands produce (an OperationOutcome, a Bundle) written as FHIR XML instead, for <c>--xml</c>/<c>--format xml</c>.</summary>
internal static class XmlText
{
    private static readonly Lazy<FhirJsonParser> Parser = new(() => new FhirJsonParser(StructureTypeModel.R4Core));

    /// <summary>The resource in <paramref name="json"/> as pretty-printed FHIR XML (without a trailing newline).</summary>
    public static string FromJson(ReadOnlyMemory<byte> json)
    {
        var parsed = Parser.Value.Parse(json, "output");
        if (parsed.Root is null) throw new InvalidOperationException("The command's own JSON output did not read as a resource: " + string.Join("; ", parsed.Issues));
        return new FhirXmlWriter().ToXml(parsed.Root).TrimEnd('\n');
    }

    public static string FromJson(string json) => FromJson(System.Text.Encoding.UTF8.GetBytes(json));
}
