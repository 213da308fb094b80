using System.CommandLine;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw format FILE... [--to json|xml] [--out DIR] [--check] [--json]</c>: reads FHIR resources (JSON or XML, told
/// apart by content) with the typed readers and writes them back pretty-printed in definition order, in their own format
/// or the one <c>--to</c> names (with <c>--out</c>, the file takes that format's extension). Issues go to stderr as
/// <c>file:line:col severity code message @ path</c>, or with <c>--json</c> as an OperationOutcome on stdout.
/// </summary>
internal static class FormatCommand
{
    public static Command Create(Func<ITypeModel> typeModel, TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "FHIR resource files (JSON or XML) to format." };
        var to = new Option<string?>("--to") { Description = "Write this format: json or xml (default: each file's own)." };
        to.AcceptOnlyFromAmong("json", "xml");
        var outDir = new Option<string?>("--out") { Description = "Write each formatted file into this folder (created when missing) under its own name." };
        var check = new Option<bool>("--check") { Description = "Only read and report issues; write no resources." };
        var json = new Option<bool>("--json") { Description = "Report the issues as a FHIR OperationOutcome on stdout." };
        var minimum = SeverityFilter.Option();
        var progress = ProgressReporter.Option();
        var command = new Command("format", "Read FHIR resources (JSON or XML) and write them back pretty-printed in definition order, or convert them (--to).") { files, to, outDir, check, json, minimum, progress };
        command.SetAction((result, cancellationToken) =>
        {
            var run = new FormatRun(typeModel, stdout, stderr)
            {
                MinSeverity = result.GetValue(minimum),
                Progress = ProgressReporter.Create(result.GetValue(progress), stderr, "format"),
                OutDir = result.GetValue(outDir),
                Check = result.GetValue(check),
                Json = result.GetValue(json),
                To = FhirFormats.Parse(result.GetValue(to)),
            };
            return run.RunAsync(result.GetValue(files) ?? [], cancellationToken);
        });
        return command;
    }

    private sealed class FormatRun(Func<ITypeModel> typeModel, TextWriter stdout, TextWriter stderr)
    {
        public string? OutDir { get; init; }
        public bool Check { get; init; }
        public bool Json { get; init; }
        public string? MinSeverity { get; init; }
        public FhirFormat? To { get; init; }
        public required ProgressReporter Progress { get; init; }

        public async Task<int> RunAsync(string[] files, CancellationToken cancellationToken)
        {
            if (files.Length > 1 && OutDir is null && !Check && !Json)
            {
                await stderr.WriteLineAsync("format: give --out DIR (or --check) to format more than one file.".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            if (OutDir is not null && !TryCreate(OutDir, out var error))
            {
                await stderr.WriteLineAsync($"format: cannot create the output folder {OutDir}: {error}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            var parser = new FhirParser(typeModel());
            var writer = new FhirJsonWriter(parser.Tables);
            var allIssues = new List<Issue>();
            var failedIo = false;
            var failedIssues = false;
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(file, cancellationToken);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    await stderr.WriteLineAsync($"{file}: cannot read: {CliIo.Describe(file, e)}".AsMemory(), cancellationToken);
                    failedIo = true;
                    continue;
                }
                var started = TimeProvider.System.GetTimestamp();
                Progress.Step(file, bytes.Length, "reading");
                var parsed = parser.Parse(bytes, file);
                Progress.Clear();
                var shown = parsed.Issues.Where(i => SeverityFilter.Shows(i, MinSeverity)).ToList();
                allIssues.AddRange(shown);
                failedIssues |= parsed.Issues.Any(i => i.IsError);
                if (!Json)
                    foreach (var issue in shown) await stderr.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
                if (!Check) Progress.Step(file, bytes.Length, $"read in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; writing");
                failedIo |= !await WriteAsync(writer, file, parsed, allIssues, cancellationToken);
                Progress.Clear();
            }
            if (Json) await stdout.WriteLineAsync(OperationOutcomeWriter.ToJson(allIssues).AsMemory(), cancellationToken);
            if (failedIo) return CliApp.ExitUsage;
            return failedIssues || allIssues.Exists(i => i.IsError) ? CliApp.ExitIssues : CliApp.ExitOk;
        }

        /// <summary>Writes the formatted resource where asked; a resource with errors is not written (the output would lose what was wrong). False on an I/O error.</summary>
        private async Task<bool> WriteAsync(FhirJsonWriter writer, string file, FhirParseResult parsed, List<Issue> allIssues, CancellationToken cancellationToken)
        {
            if (Check || (OutDir is null && Json)) return true;
            if (parsed.Root is null || parsed.HasErrors)
            {
                await stderr.WriteLineAsync($"{file}: not written: it has errors".AsMemory(), cancellationToken);
                return true;
            }
            var format = To ?? parsed.Format;
            var text = await TextAsync(writer, parsed.Root, format, allIssues, cancellationToken);
            if (OutDir is null)
            {
                await stdout.WriteLineAsync(text.AsMemory(), cancellationToken);
                return true;
            }
            var name = To is null ? Path.GetFileName(file) : Path.ChangeExtension(Path.GetFileName(file), format.Extension());
            var target = Path.Combine(OutDir, name);
            try
            {
                await File.WriteAllTextAsync(target, text + "\n", cancellationToken);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{target}: cannot write: {CliIo.Describe(target, e)}".AsMemory(), cancellationToken);
                return false;
            }
        }

        /// <summary>The resource in <paramref name="format"/>; what XML cannot carry is reported (and counted) with the file's other issues.</summary>
        private async Task<string> TextAsync(FhirJsonWriter writer, ElementNode root, FhirFormat format, List<Issue> allIssues, CancellationToken cancellationToken)
        {
            if (format == FhirFormat.Json) return writer.ToJson(root);
            var issues = new List<Issue>();
            var xml = new FhirXmlWriter().ToXml(root, pretty: true, issues).TrimEnd('\n');
            var origin = root.Document?.Origin;
            foreach (var issue in issues.Select(i => i with { Origin = origin }))
            {
                allIssues.Add(issue);
                if (!Json) await stderr.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
            }
            return xml;
        }

        private static bool TryCreate(string dir, out string? error)
        {
            try
            {
                Directory.CreateDirectory(dir);
                error = null;
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                error = CliIo.Describe(dir, e);
                return false;
            }
        }
    }
}
