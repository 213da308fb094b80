using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>What the JSON reader made of a text: the resource tree (as far as it could be read) and every issue found.</summary>
public sealed class JsonParseResult
{
    public JsonParseResult(ElementNode? root, IReadOnlyList<Issue> issues, ISourceDocument document)
    {
        Root = root;
        Issues = issues;
        Document = document;
    }

    /// <summary>The resource read; null when not even its type could be found.</summary>
    public ElementNode? Root { get; }

    public IReadOnlyList<Issue> Issues { get; }

    public ISourceDocument Document { get; }

    public bool HasErrors
    {
        get
        {
            foreach (var i in Issues)
                if (i.IsError) return true;
            return false;
        }
    }
}
