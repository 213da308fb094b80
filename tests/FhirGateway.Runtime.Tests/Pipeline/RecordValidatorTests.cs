using System.Text;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Pipeline;

public sealed class RecordValidatorTests
{
    private static MappedRecord Record(string observationJson) => new(Records.Envelope("r1", "p1"),
    [
        new MappedResource("Observation", "o1", "http://hl7.org/fhir/StructureDefinition/Observation", new BusinessIdentifier("urn:s", "1"),
            Encoding.UTF8.GetBytes(observationJson)),
    ]);

    private const string Valid = """{"resourceType":"Observation","id":"o1","status":"final","code":{"text":"IL-6"}}""";
    private const string BadStatus = """{"resourceType":"Observation","id":"o1","status":"finished","code":{"text":"IL-6"}}""";

    [Fact]
    public void The_full_validator_passes_a_valid_resource_and_reports_a_code_outside_a_required_binding()
    {
        var validator = new FhirRecordValidator(TimeProvider.System);

        Assert.DoesNotContain(validator.Validate(Record(Valid)), i => i.IsError);
        var issues = validator.Validate(Record(BadStatus));
        Assert.Contains(issues, i => i.IsError && i.Expression == "Observation.status" && i.Origin == "Observation/o1");
    }

    [Fact]
    public async Task The_gateway_validates_with_the_full_validator()
    {
        using var folder = new TempFolder();
        var app = GatewayHost.Build(new GatewayHostSettings
        {
            Overrides = new Dictionary<string, string?> { ["Data"] = folder.Path },
            ConsoleLogs = false,
            FileLogs = false,
        });
        await using (app) Assert.IsType<FhirRecordValidator>(app.Services.GetRequiredService<IRecordValidator>());
    }
}
