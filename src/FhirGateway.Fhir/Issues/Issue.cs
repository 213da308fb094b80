namespace FhirGateway.Fhir.Issues;

/// <summary>
/// One problem found in an instance: what (a catalogue entry), how bad, the message, where (a FHIRPath
/// expression with indexes, and the line and column when the source is known). Instance problems are data.
/// </summary>
public sealed record Issue(IssueDefinition Definition, IssueSeverity Severity, string Message, string? Expression)
{
    public int Line { get; init; }
    public int Column { get; init; }
    /// <summary>The file or record the issue was found in, when known.</summary>
    public string? Origin { get; init; }

    public string Code => Definition.Id;
    public bool IsError => Severity <= IssueSeverity.Error;

    public Issue WithPosition(int line, int column) => this with { Line = line, Column = column };

    /// <summary>The readable one-line form: <c>file:line:col severity code message @ path</c>.</summary>
    public override string ToString()
    {
        var where = Origin ?? "";
        if (Line > 0) where += $":{Line}:{Column}";
        var at = Expression is null ? "" : $" @ {Expression}";
        return $"{where}{(where.Length > 0 ? " " : "")}{Severity.ToCode()} {Code} {Message}{at}";
    }
}
