using System.Globalization;

namespace FhirGateway.Fhir.Issues;

/// <summary>
/// One entry of the issue catalogue: a stable id (<c>json-unknown-property</c>), its default severity, its
/// OperationOutcome issue type and a message template with positional holes ({0}, {1}…).
/// </summary>
public sealed record IssueDefinition(string Id, IssueSeverity Severity, IssueType Type, string Template)
{
    public string Format(params object?[] args) =>
        args.Length == 0 ? Template : string.Format(CultureInfo.InvariantCulture, Template, args);

    /// <summary>An issue of this kind at a place, with the template filled in.</summary>
    public Issue At(string? expression, params object?[] args) => new(this, Severity, Format(args), expression);
}
