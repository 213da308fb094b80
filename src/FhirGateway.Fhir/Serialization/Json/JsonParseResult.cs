using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>What the JSON reader made of a text (see <see cref="FhirParseResult"/>).</summary>
public sealed class JsonParseResult : FhirParseResult
{
    public JsonParseResult(ElementNode? root, IReadOnlyList<Issue> issues, ISourceDocument document)
        : base(root, issues, document, FhirFormat.Json)
    {
    }
}
