using System.CommandLine;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation;
using FhirGateway.Validation.Compatibility;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw map RECORD.json [--validate] [--json] [--format json|xml]</c>: maps one clinic record and prints the transaction
/// Bundle it would send (a dry run) on stdout, as FHIR JSON or (<c>--format xml</c>) FHIR XML. Issues go to stderr as <c>file:line:col severity code message @ path</c> lines,
/// or with <c>--json</c> as one OperationOutcome, so stdout holds exactly the Bundle. With <c>--validate</c> every
/// resource is validated (FhirValidator: core, the clinic profile it claims, terminology offline), and what a known partner
/// validator would reject although it is valid is a <c>compat-partner-validator</c> warning. Exit 0 when mapped (and valid), 1 when the record is bad or a resource
/// is invalid, 2 on usage or I/O errors.
/// </summary>
internal static class MapCommand
{
    public static Command Create()
    {
        var record = new Argument<FileInfo>("record") { Description = $"A clinic record (JSON) of any kind: {string.Join(", ", FhirGateway.Mapping.Records.RecordKinds.All)}." };
        var validate = new Option<bool>("--validate") { Description = "Check every mapped resource against the clinic profile it claims." };
        var json = new Option<bool>("--json") { Description = "Report the issues as one FHIR OperationOutcome on stderr." };
        var format = new Option<string>("--format") { Description = "The Bundle's format: json (default) or xml.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "xml");
        var command = new Command("map", "Map a clinic record and print the transaction Bundle it would send (dry run).") { record, validate, json, format };
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(record)!, result.GetValue(validate), result.GetValue(json), result.GetValue(format) == "xml",
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, bool validate, bool asJson, bool asXml, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"{file.FullName}: cannot read: {CliIo.Describe(file.FullName, e)}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        var mapping = new RecordMapper().Map(bytes);
        var issues = mapping.Issues.Select(i => i with { Origin = file.FullName }).ToList();
        string? bundle = null;
        if (mapping.Success)
        {
            if (validate)
            {
                var validator = new FhirValidator(ClinicIgDefinitions.WithCore);
                var compatibility = new PartnerCompatibility(validator.Types);
                foreach (var resource in mapping.Record!.Resources)
                {
                    var found = validator.Validate(resource.Json, null, [resource.Profile], cancellationToken).Issues;
                    if (validator.Parse(resource.Json).Root is { } root) found = [.. found, .. compatibility.Check(root)];
                    issues.AddRange(found.Select(i => i with
                    {
                        Origin = $"{file.FullName}#{resource.ResourceType}/{resource.Id}",
                        Line = 0,
                        Column = 0,
                    }));
                }
            }
            var built = new TransactionBundleBuilder().Build([mapping.Record!]).Json;
            bundle = asXml ? XmlText.FromJson(built) : Pretty(built.Span);
        }
        else if (mapping.Envelope is { } envelope)
        {
            issues.Add(IssueCatalogue.RecordNotMapped.At(null, envelope.Kind, envelope.Key) with { Origin = file.FullName });
        }
        if (bundle is not null) await stdout.WriteLineAsync(bundle.AsMemory(), cancellationToken);
        if (asJson) await stderr.WriteLineAsync(OperationOutcomeWriter.ToJson(issues).AsMemory(), cancellationToken);
        else foreach (var issue in issues) await stderr.WriteLineAsync(issue.ToString().AsMemory(), cancellationToken);
        return issues.Exists(i => i.IsError) ? CliApp.ExitIssues : CliApp.ExitOk;
    }

    private static string Pretty(ReadOnlySpan<byte> json)
    {
        using var document = JsonDocument.Parse(json.ToArray());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, FhirGateway.Fhir.Serialization.Json.FhirJsonWriter.Options(pretty: true))) document.WriteTo(writer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
