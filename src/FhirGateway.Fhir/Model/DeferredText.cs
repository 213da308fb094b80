namespace FhirGateway.Fhir.Model;

/// <summary>
/// A primitive's lexical value left in the source text until it is first read. A reader hands a very long value
/// over this way (an attachment's base64, a Library's content) so that parsing neither copies it into a string that
/// nobody may ask for nor puts that string on the large object heap, whose every allocation brings a full collection
/// nearer. Decoding gives the same string the reader would have made.
/// </summary>
internal abstract class DeferredText
{
    public abstract string Decode();
}
