using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>What a reader (JSON or XML) made of a text: the resource tree (as far as it could be read) and every issue found.</summary>
public class FhirParseResult
{
    public FhirParseResult(ElementNode? root, IReadOnlyList<Issue> issues, ISourceDocument document, FhirFormat format)
    {
        Root = root;
        Issues = issues;
        Document = document;
        Format = format;
    }

    /// <summary>The resource read; null when not even its type could be found.</summary>
    public ElementNode? Root { get; }

    public IReadOnlyList<Issue> Issues { get; }

    public ISourceDocument Document { get; }

    /// <summary>The format the text was read as.</summary>
    public FhirFormat Format { get; }

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
