namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>The namespaces FHIR XML uses or tolerates.</summary>
public static class FhirXmlNamespaces
{
    /// <summary>Every FHIR element is in this namespace.</summary>
    public const string Fhir = "http://hl7.org/fhir";

    /// <summary>The narrative's <c>div</c> and its content.</summary>
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>XML Schema instance attributes (<c>xsi:schemaLocation</c>): not FHIR content, reported like any unknown attribute.</summary>
    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>Namespace declarations (<c>xmlns</c>, <c>xmlns:x</c>) as attributes.</summary>
    public const string Xmlns = "http://www.w3.org/2000/xmlns/";
}
