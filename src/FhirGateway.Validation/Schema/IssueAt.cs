using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Schema;

/// <summary>Issues placed on instance elements: the FHIRPath location with indexes, line, column and origin from the node.</summary>
internal static class IssueAt
{
    public static Issue Node(IssueDefinition definition, ElementNode node, params object?[] args) =>
        Place(definition.At(node.Location, args), node);

    public static Issue Node(IssueDefinition definition, IssueSeverity severity, ElementNode node, params object?[] args) =>
        Place(definition.At(node.Location, args) with { Severity = severity }, node);

    /// <summary>An issue found elsewhere (a terminology or snapshot issue), moved onto the node.</summary>
    public static Issue Place(Issue issue, ElementNode node)
    {
        var (line, column) = node.LineColumn;
        return issue with
        {
            Expression = issue.Expression ?? node.Location,
            Line = issue.Line > 0 ? issue.Line : line,
            Column = issue.Line > 0 ? issue.Column : column,
            Origin = issue.Origin ?? node.Document?.Origin,
        };
    }
}
