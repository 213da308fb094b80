using System.CommandLine;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Cli;

/// <summary>
/// <c>--min-severity error|warning|information</c> of <c>validate</c> and <c>format</c>: which issues are printed (the
/// totals and exit codes still count every issue); and the progress lines of a large single file.
/// </summary>
internal static class SeverityFilter
{
    /// <summary>A file from this size on gets progress lines on stderr (reading, validating, done).</summary>
    public const long LargeFile = 8 * 1024 * 1024;

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

    /// <summary><c>validate: big.json (52.1 MB): read in 1.2 s</c>: one progress line for a large file, else nothing.</summary>
    public static Task ProgressAsync(TextWriter stderr, string command, string file, long bytes, string what, CancellationToken cancellationToken) =>
        bytes < LargeFile ? Task.CompletedTask : stderr.WriteLineAsync($"{command}: {file} ({bytes / 1024.0 / 1024.0:F1} MB): {what}".AsMemory(), cancellationToken);
}
