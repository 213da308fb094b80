using System.CommandLine;
using System.Text;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Xml;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Cli;

/// <summary>
/// <c>fhirgw snapshot SD.json|SD.xml [--ig package-or-folder]…</c>: generates the StructureDefinition's snapshot from its
/// differential over R4 core (and the given IGs) and prints the definition with it; issues go to stderr.
/// </summary>
internal static class SnapshotCommand
{
    public static Command Create()
    {
        var definition = new Argument<FileInfo>("definition") { Description = "A StructureDefinition (JSON or XML) with a differential." };
        var igs = new Option<string[]>("--ig")
        {
            Description = "An implementation guide package (.tgz or unpacked folder) or a folder/file of definitions to resolve bases from; repeatable.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("snapshot", "Generate a StructureDefinition's snapshot from its differential and print it.");
        command.Arguments.Add(definition);
        command.Options.Add(igs);
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(definition)!, result.GetValue(igs) ?? [],
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo file, string[] igs, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        StructureDefinitionInfo profile;
        DefinitionResolver resolver;
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file.FullName, cancellationToken);
        }
        catch (Exception e) when (CliIo.IsIoError(e))
        {
            await stderr.WriteLineAsync($"{file.FullName}: cannot read: {CliIo.Describe(file.FullName, e)}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        try
        {
            if (FhirFormats.Detect(bytes, file.FullName) == FhirFormat.Xml)
            {
                var (json, issues) = FhirXmlConversion.ToJson(bytes, file.FullName);
                bytes = json ?? throw new DefinitionFormatException($"not a readable FHIR XML resource: {issues.FirstOrDefault(i => i.IsError)}");
            }
            profile = ConformanceJsonReader.ReadStructureDefinition(bytes, file.FullName);
            resolver = IgDefinitions.WithCore(igs, ClinicIgDefinitions.WithCore);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DefinitionFormatException)
        {
            await stderr.WriteLineAsync($"{file.FullName}: {CliIo.WithLineAndColumn(e.Message, bytes)}".AsMemory(), cancellationToken);
            return CliApp.ExitUsage;
        }
        var generated = SnapshotGenerator.For(resolver).Generate(profile with { Snapshot = [] });
        foreach (var issue in generated.Issues)
            await stderr.WriteLineAsync((issue.Origin == profile.Url ? issue with { Origin = file.FullName } : issue).ToString().AsMemory(), cancellationToken);
        await stdout.WriteLineAsync(Encoding.UTF8.GetString(ConformanceJsonWriter.Write(generated.Definition)).AsMemory(), cancellationToken);
        return generated.HasErrors ? CliApp.ExitIssues : CliApp.ExitOk;
    }
}
