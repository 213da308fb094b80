using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation;

namespace FhirGateway.Mapping.Tests.Support;

/// <summary>The full validator over the clinic IG and R4 core (offline terminology), shared by the mapping tests; thread-safe.</summary>
internal static class ClinicValidation
{
    private static readonly Lazy<FhirValidator> Validator = new(() => new FhirValidator(ClinicIgDefinitions.WithCore));

    /// <summary>Every issue of one resource (or Bundle) validated against core and <paramref name="profile"/>, with <paramref name="origin"/> naming it.</summary>
    public static IReadOnlyList<Issue> Validate(ReadOnlyMemory<byte> json, string profile, string? origin = null) =>
        Validator.Value.Validate(json, origin, [profile]).Issues;

    /// <summary>
    /// Errors, and warnings not accepted below: what a clean resource must not have (information is allowed: codes of
    /// systems held nowhere offline).
    /// </summary>
    public static List<Issue> Problems(ReadOnlyMemory<byte> json, string profile, string? origin = null) =>
        Validate(json, profile, origin).Where(i => i.IsError || (i.Severity == IssueSeverity.Warning && !IsAccepted(i))).ToList();

    /// <summary>
    /// Warnings the IG accepts, each with its reason. Consent.policyRule is bound extensibly to consent-policy, whose
    /// codes name US and other jurisdictions' policies (hipaa-auth, cric…); none fits a clinic's consent to share with a
    /// partner hospital, so the IG uses v3-ActCode OPTIN, as FHIR's own R4 Consent examples do, and the validator
    /// rightly warns.
    /// </summary>
    private static readonly (string Code, string ExpressionEnd, string Reason)[] Accepted =
    [
        ("val-binding-extensible", "policyRule.coding[0]", "no consent-policy code fits a share consent; v3-ActCode#OPTIN as in FHIR's examples"),
    ];

    private static bool IsAccepted(Issue issue) =>
        Array.Exists(Accepted, a => issue.Code == a.Code && issue.Expression?.EndsWith(a.ExpressionEnd, StringComparison.Ordinal) == true);
}
