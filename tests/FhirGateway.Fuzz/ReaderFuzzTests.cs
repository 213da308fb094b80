using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Records;
using FhirGateway.Validation;

namespace FhirGateway.Fuzz;

/// <summary>The readers and the validator on mutated seeds: every input gives issues, never an exception.</summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly FhirJsonParser Parser = new(StructureTypeModel.R4Core);
    private static readonly Lazy<FhirValidator> Validator = new(() => new FhirValidator(ClinicIgDefinitions.WithCore));

    private void Check(FuzzReport report)
    {
        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(10)));
        Assert.True(report.Inputs > 0);
    }

    [Fact]
    public async Task The_record_reader_and_mapper_never_throw_on_mutated_records() =>
        Check(await FuzzRun.RunAsync("records", FuzzSeeds.Records, 1500, TimeSpan.FromSeconds(10), bytes =>
        {
            RecordEnvelopeReader.Read(bytes, []);
            new RecordMapper().Map(bytes);
            return Task.FromResult<string?>(null);
        }));

    [Fact]
    public async Task The_fhir_json_reader_never_throws_on_mutated_resources() =>
        Check(await FuzzRun.RunAsync("fhir-json", FuzzSeeds.Resources, 1500, TimeSpan.FromSeconds(10), bytes =>
        {
            Parser.Parse(bytes, "fuzz.json");
            return Task.FromResult<string?>(null);
        }));

    [Fact]
    public async Task The_validator_never_throws_on_mutated_resources() =>
        Check(await FuzzRun.RunAsync("validator", FuzzSeeds.Resources, 250, TimeSpan.FromSeconds(15), bytes =>
        {
            Validator.Value.Validate(bytes, "fuzz.json");
            return Task.FromResult<string?>(null);
        }));
}
