namespace FhirGateway.Fhir.Model;

/// <summary>
/// The text an element tree was read from. Nodes keep only an opaque position key; the document turns it
/// into a line and column when somebody asks (the JSON reader stores byte offsets, an XML reader may store
/// its own keys), so reading stays fast and positions stay exact.
/// </summary>
public interface ISourceDocument
{
    /// <summary>Where the text came from (a file path, "stdin", a record id), or null.</summary>
    string? Origin { get; }

    /// <summary>The 1-based line and column of a position key stored on a node.</summary>
    (int Line, int Column) Resolve(int position);
}
