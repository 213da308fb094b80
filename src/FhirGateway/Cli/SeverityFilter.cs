using System.CommandLine;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Cli;

/// <summary>
/// <c>--min-severity error|warning|information</c> of <c>validate</c> and <c>format</c>: which issues are printed (the
/// totals and exit codes still count every issue).
/// </summary>
internal static class SeverityFilter
{
    public static Option<string> Option() => new Option<string>("--min-severity")
    {
        Description = "Print only issues of this severity or worse: error, warning or information (default). Totals count all.",
        DefaultValueFactory = _ => "information",
    }.AcceptOnlyFromAmong("error", "warning", "information");

    /// <summary>Whether an issue is printed under the given minimum (fatal counts as error).</summary>
    public static bool Shows(Issue issue, string? minimum)
    {
        ArgumentNullException.ThrowIfNull(issue);
        var floor = minimum switch
        {
            "error" => IssueSeverity.Error,
            "warning" => IssueSeverity.Warning,
            _ => IssueSeverity.Information,
        };
        return issue.Severity <= floor;
    }
}
