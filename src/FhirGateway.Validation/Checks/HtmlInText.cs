using System.Text.RegularExpressions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>The security check on text values: something that looks like an HTML tag (<c>&lt;script&gt;</c>, <c>&lt;img …&gt;</c>) in a string.</summary>
internal static partial class HtmlInText
{
    [GeneratedRegex(@"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?\s*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    public static CheckResult Check(ElementNode node, string text)
    {
        var match = Tag().Match(text);
        return match.Success ? CheckResult.Of(IssueAt.Node(IssueCatalogue.ValHtmlInString, node, match.Value)) : CheckResult.Success;
    }
}
