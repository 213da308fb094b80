using System.Text;

namespace FhirGateway.Mapping.Bundles;

/// <summary>The request of one transaction entry: method, url and, for a conditional create, the ifNoneExist query.</summary>
public sealed record ConditionalRequest(string Method, string Url, string? IfNoneExist);

/// <summary>
/// Decides how each resource is written so that a repeat delivery never duplicates:
/// <list type="bullet">
/// <item>Patient: conditional create (POST, <c>ifNoneExist</c> on the clinic MRN). The partner hospital owns the
/// patient's demographics; the gateway makes sure the patient exists and never overwrites what the EHR may have merged or corrected.</item>
/// <item>CarePlan, CareTeam, Goal, Consent, Condition: conditional update (PUT <c>Type?identifier=system|value</c>): they
/// legitimately change (a plan change, a new team member, a withdrawn consent, an MS course that progresses).</item>
/// <item>Results, reports, products, procedures: conditional create for a record's first version (immutable
/// results); a corrected version (2, 3…) replaces them by conditional update.</item>
/// <item>Provenance (no identifier in R4): conditional create on its meta.tag, the record key <c>recordId@version</c>.</item>
/// </list>
/// </summary>
public static class ConditionalRequests
{
    private static readonly HashSet<string> Mutable = new(StringComparer.Ordinal) { "CarePlan", "CareTeam", "Goal", "Consent", "Condition" };

    public static ConditionalRequest For(string resourceType, BusinessIdentifier identifier, int recordVersion)
    {
        if (resourceType == "Provenance") return new("POST", resourceType, $"_tag={Token(identifier)}");
        var search = $"identifier={Token(identifier)}";
        if (Mutable.Contains(resourceType) || (resourceType != "Patient" && recordVersion > 1)) return new("PUT", $"{resourceType}?{search}", null);
        return new("POST", resourceType, search);
    }

    /// <summary><c>system|value</c> for a query string: characters a query cannot carry as they are are percent-encoded.</summary>
    public static string Token(BusinessIdentifier identifier) => $"{Escape(identifier.System)}|{Escape(identifier.Value)}";

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or ':' or '/' or '@') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
