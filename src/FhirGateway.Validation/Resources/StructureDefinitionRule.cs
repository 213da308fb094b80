using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources;

/// <summary>
/// A StructureDefinition with a differential must make a snapshot over its base: the snapshot is generated (as
/// the validator would to use it) and every problem of the differential is reported on the definition.
/// </summary>
internal sealed class StructureDefinitionRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "StructureDefinition" && resource.Child("differential") is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        StructureDefinitionInfo definition;
        try
        {
            var json = new FhirJsonWriter(new TypeTables(run.Types)).ToJson(resource);
            definition = ConformanceJsonReader.ReadStructureDefinition(System.Text.Encoding.UTF8.GetBytes(json), resource.Document?.Origin);
        }
        catch (DefinitionFormatException)
        {
            return CheckResult.Success;
        }
        var generated = SnapshotGenerator.For(run.Schemas.Definitions).Generate(definition with { Snapshot = [] });
        var result = new ResultBuilder();
        foreach (var issue in generated.Issues.Where(i => i.Origin is null || i.Origin == definition.Url))
            result.Add(IssueAt.Node(IssueCatalogue.ValDefinitionSnapshot, issue.Severity, resource,
                issue.Expression is null ? issue.Message : $"{issue.Message} (at {issue.Expression})"));
        return result.ToResult();
    }
}
