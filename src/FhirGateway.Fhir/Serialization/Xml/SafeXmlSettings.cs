using System.Xml;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>Reader settings that are safe on any input: no DTD (so no entity expansion) and nothing outside the text resolved.</summary>
internal static class SafeXmlSettings
{
    public static XmlReaderSettings Create(bool ignoreComments = false) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = ignoreComments,
        IgnoreProcessingInstructions = ignoreComments,
        CheckCharacters = true,
        CloseInput = true,
    };
}
