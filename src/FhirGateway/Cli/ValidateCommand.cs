using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation;
using FhirGateway.Validation.Setup;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw validate PATH... [--profile URL|FILE] [--ig DIR|TGZ|FILE]... [--json|--xml] [policies]</c>: validates FHIR JSON
/// and XML files (told apart by content; a folder stands for every <c>*.json</c> and <c>*.xml</c> under it; a Bundle's
/// entries are validated with it) against R4 core, the clinic IG built into fhirgw, the given IGs (composed by
/// <see cref="ValidationWorkspace"/>: packages with their dependencies from the local package folder, the IGs' resources
/// as reference targets), the profiles the resources declare and the one asked for. Prints each file's
/// issues and a summary line, then the totals; with <c>--json</c>, one OperationOutcome (one file) or a Bundle of
/// them (several) on stdout, each naming its file, and the summaries on stderr; <c>--xml</c> prints the same in FHIR XML. Exit 0 without errors, 1 with
/// errors, 2 on usage or I/O errors.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Arity = ArgumentArity.OneOrMore, Description = "FHIR JSON or XML files, or folders of them, to validate." };
        var profile = new Option<string?>("--profile") { Description = "Also validate every resource against this profile (canonical URL)." };
        var igs = new Option<string[]>("--ig")
        {
            Description = "Definitions to add: an IG source or folder of resources, a FHIR package (.tgz or unpacked), or one file; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var json = new Option<bool>("--json") { Description = "Print the results as an OperationOutcome (one file) or a Bundle of OperationOutcomes (several)." };
        var xml = new Option<bool>("--xml") { Description = "As --json, in FHIR XML." };
        var policies = new ValidatePolicyOptions();
        var minimum = SeverityFilter.Option();
        var progress = ProgressReporter.Option();
        var command = new Command("validate", "Validate FHIR resources (JSON or XML) against R4 core, the clinic IG and any profiles.") { paths, profile, igs, json, xml, minimum, progress };
        policies.AddTo(command);
        command.SetAction((result, cancellationToken) =>
        {
            var format = result.GetValue(xml) ? FhirFormat.Xml : result.GetValue(json) ? FhirFormat.Json : (FhirFormat?)null;
            var run = new ValidateRun(result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, format, result.GetValue(profile), policies.Read(result))
            {
                MinSeverity = result.GetValue(minimum),
                Progress = ProgressReporter.Create(result.GetValue(progress), result.InvocationConfiguration.Error, "validate"),
            };
            return run.RunAsync(result.GetValue(paths) ?? [], result.GetValue(igs) ?? [], cancellationToken);
        });
        return command;
    }

    private sealed record FileResult(string Path, ValidationResult Result, int Resources);

    private sealed class ValidateRun(TextWriter stdout, TextWriter stderr, FhirFormat? outcome, string? profileArgument, ValidationPolicies policies)
    {
        private string? _profile;

        private bool Structured => outcome is not null;

        private TextWriter Report => Structured ? stderr : stdout;

        public string? MinSeverity { get; init; }

        public required ProgressReporter Progress { get; init; }

        public async Task<int> RunAsync(string[] paths, string[] igs, CancellationToken cancellationToken)
        {
            if (!TryListFiles(paths, out var files, out var missing))
            {
                await stderr.WriteLineAsync($"validate: not found: {missing}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            FhirValidator validator;
            try
            {
                var profileIsFile = profileArgument is not null && File.Exists(profileArgument);
                var workspace = ValidationWorkspace.Open(new WorkspaceInputs
                {
                    Igs = profileIsFile ? [.. igs, profileArgument!] : igs,
                    Behind = ClinicIgDefinitions.WithCore,
                    Instances = files,
                    ResolveBesideInstances = policies.CheckReferences,
                });
                foreach (var note in workspace.Notes) await stderr.WriteLineAsync($"validate: {note}".AsMemory(), cancellationToken);
                _profile = profileArgument is null ? null : ValidationWorkspace.ProfileCanonical(profileArgument);
                validator = workspace.CreateValidator(policies.ToOptions());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DefinitionFormatException or InvalidDataException or JsonException)
            {
                await stderr.WriteLineAsync($"validate: cannot read the definitions given with --ig or --profile: {e.Message}".AsMemory(), cancellationToken);
                return CliApp.ExitUsage;
            }
            var results = new List<FileResult>(files.Count);
            var ioFailed = false;
            var started = TimeProvider.System.GetTimestamp();
            foreach (var file in files)
            {
                var result = await ValidateFileAsync(validator, file, cancellationToken);
                Progress.Clear();
                if (result is null) ioFailed = true;
                else
                {
                    results.Add(result);
                    await ReportFileAsync(result, cancellationToken);
                }
                Progress.Files(results.Count, files.Count, TimeProvider.System.GetElapsedTime(started));
            }
            Progress.Clear();
            await ReportTotalsAsync(results, cancellationToken);
            if (Structured)
            {
                var text = Json(results);
                await stdout.WriteLineAsync((outcome == FhirFormat.Xml ? XmlText.FromJson(text) : text).AsMemory(), cancellationToken);
            }
            if (ioFailed) return CliApp.ExitUsage;
            return results.Any(r => r.Result.HasErrors) ? CliApp.ExitIssues : CliApp.ExitOk;
        }

        private async Task<FileResult?> ValidateFileAsync(FhirValidator validator, string file, CancellationToken cancellationToken)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(file, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await stderr.WriteLineAsync($"{file}: cannot read: {CliIo.Describe(file, e)}".AsMemory(), cancellationToken);
                return null;
            }
            try
            {
                var started = TimeProvider.System.GetTimestamp();
                Progress.Step(file, bytes.Length, "reading");
                var parsed = validator.Parse(bytes, file);
                var resources = 1 + CountEntries(parsed);
                Progress.Step(file, bytes.Length, $"read in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s; validating {resources:N0} resources");
                var result = validator.Validate(parsed, _profile is null ? null : [_profile], Progress.Resources(file, bytes.Length, resources), cancellationToken);
                return new FileResult(file, result with { Issues = IssueLimit.Apply(result.Issues) }, resources);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // one file that breaks the validator is reported as such; the other files are still validated
                return new FileResult(file, new ValidationResult([IssueCatalogue.ValidatorFailed.At(null, e.GetType().Name) with { Origin = file }]), 1);
            }
        }

        private static int CountEntries(FhirParseResult parsed) =>
            parsed.Root is { InstanceType: "Bundle" } bundle ? bundle.ChildrenWithName("entry").Count(e => e.Child("resource") is not null) : 0;

        private async Task ReportFileAsync(FileResult file, CancellationToken cancellationToken)
        {
            if (!Structured)
                foreach (var issue in file.Result.Issues.Where(i => SeverityFilter.Shows(i, MinSeverity)))
                    await stdout.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
            var (errors, warnings, information) = Count(file.Result.Issues);
            var entries = file.Resources > 1 ? $" ({file.Resources} resources)" : "";
            await Report.WriteLineAsync($"{file.Path}{entries}: {(errors == 0 ? "valid" : "INVALID")}, {errors} errors, {warnings} warnings, {information} information".AsMemory(), cancellationToken);
        }

        private async Task ReportTotalsAsync(List<FileResult> results, CancellationToken cancellationToken)
        {
            var (errors, warnings, information) = Count(results.SelectMany(r => r.Result.Issues).ToList());
            var invalid = results.Count(r => r.Result.HasErrors);
            await Report.WriteLineAsync(($"validated {results.Count} files ({results.Sum(r => r.Resources)} resources): {invalid} invalid; " +
                $"{errors} errors, {warnings} warnings, {information} information").AsMemory(), cancellationToken);
        }

        private static (int Errors, int Warnings, int Information) Count(IReadOnlyList<Issue> issues) =>
            (issues.Count(i => i.IsError), issues.Count(i => i.Severity == IssueSeverity.Warning), issues.Count(i => i.Severity == IssueSeverity.Information));

        private List<Issue> Shown(FileResult r) => r.Result.Issues.Where(i => SeverityFilter.Shows(i, MinSeverity)).ToList();

        /// <summary>One OperationOutcome for one file; a Bundle (type collection) of them for several; each names its file.</summary>
        private string Json(List<FileResult> results)
        {
            var buffer = new ArrayBufferWriter<byte>(4096);
            using (var w = new Utf8JsonWriter(buffer, FhirJsonWriter.Options(pretty: true)))
            {
                if (results.Count == 1) OperationOutcomeWriter.Write(Shown(results[0]), w, results[0].Path);
                else
                {
                    w.WriteStartObject();
                    w.WriteString("resourceType", "Bundle");
                    w.WriteString("type", "collection");
                    w.WriteStartArray("entry");
                    foreach (var r in results)
                    {
                        w.WriteStartObject();
                        w.WritePropertyName("resource");
                        OperationOutcomeWriter.Write(Shown(r), w, r.Path);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
            }
            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }

        /// <summary>The files to validate: each file as given, each folder's <c>*.json</c> and <c>*.xml</c> recursively in name order.</summary>
        private static bool TryListFiles(string[] paths, out List<string> files, out string? missing)
        {
            files = [];
            missing = null;
            foreach (var path in paths)
            {
                if (File.Exists(path)) files.Add(path);
                else if (Directory.Exists(path)) files.AddRange(DefinitionSources.ResourceFiles(path));
                else
                {
                    missing = path;
                    return false;
                }
            }
            return true;
        }
    }
}
