using System.Text.RegularExpressions;
using System.Xml;

namespace FhirGateway.Fhir.Serialization.Xml;

/// <summary>What an <see cref="XmlException"/> says, for people: the reason without .NET's position suffix or advice about reader settings.</summary>
public static partial class XmlErrorText
{
    public static string Reason(XmlException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        if (message.Contains("DTD is prohibited", StringComparison.Ordinal))
            return "a DOCTYPE declaration is not allowed: FHIR XML has no DTD, and DTDs are refused because they can read other files or expand without limit";
        if (message.Contains("Reference to undeclared entity", StringComparison.Ordinal))
            message += " (only XML's own entities &lt; &gt; &amp; &quot; &apos; and character references such as &#160; exist without a DTD)";
        return PositionSuffix().Replace(message, "").TrimEnd();
    }

    [GeneratedRegex(@"\s*Line \d+, position \d+\.")]
    private static partial Regex PositionSuffix();
}
