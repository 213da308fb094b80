using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Values;

/// <summary>
/// What a URL value must be beyond its type's lexical form: a <c>canonical</c> is an absolute URL or a reference to a
/// contained resource (<c>#id</c>), as https://hl7.org/fhir/R4/datatypes.html#canonical says ("canonical URLs … SHALL be
/// absolute"); URLs on example domains are reported when <see cref="ValidatorOptions.ExampleUrlSeverity"/> is set.
/// </summary>
internal static class UrlRules
{
    private static readonly string[] ExampleHosts = ["example.org", "example.com", "example.net", "acme.com", "acme.org"];

    public static Issue? Check(ElementNode node, string text, string typeName, ValidatorOptions options)
    {
        if (typeName == "canonical" && !IsAbsoluteOrFragment(text)) return IssueAt.Node(IssueCatalogue.ValCanonicalRelative, node, text);
        if (options.ExampleUrlSeverity is { } severity && IsExampleUrl(text)) return IssueAt.Node(IssueCatalogue.ValExampleUrl, severity, node, text);
        return null;
    }

    /// <summary>An absolute URI (a scheme, as in <c>http:</c>, <c>urn:</c>, <c>oid:</c>) or a fragment reference.</summary>
    public static bool IsAbsoluteOrFragment(string text)
    {
        if (text.StartsWith('#')) return text.Length > 1;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0) return false;
        for (var i = 0; i < colon; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetter(c) || (i > 0 && (char.IsAsciiDigit(c) || c is '+' or '-' or '.')))) return false;
        }
        return true;
    }

    /// <summary>An http(s) URL whose host is an example domain or one of its sub-domains.</summary>
    public static bool IsExampleUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var host = uri.Host;
        foreach (var example in ExampleHosts)
            if (host == example || host.EndsWith("." + example, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
