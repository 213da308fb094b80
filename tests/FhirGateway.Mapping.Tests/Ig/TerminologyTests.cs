using System.Text.Json.Nodes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;
using FhirGateway.Terminology;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>The IG's terminology through the offline terminology service: every code the mappers write, every unit, every required binding.</summary>
public sealed class TerminologyTests
{
    private static readonly TerminologyService Terminology = new(ClinicIgDefinitions.WithCore);

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_code_and_unit_a_mapped_seed_carries_is_known_to_its_system(string seed)
    {
        var problems = new List<string>();
        foreach (var resource in new RecordMapper().Map(RepoFiles.Seed(seed)).Record!.Resources)
            Walk(JsonNode.Parse(resource.Json.Span), $"{resource.ResourceType}", problems);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_value_set_the_ig_binds_to_expands()
    {
        var bound = ClinicIgDefinitions.Definitions.StructureDefinitions()
            .SelectMany(sd => sd.Differential).Select(e => e.Binding?.ValueSet).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(bound);
        foreach (var valueSet in bound)
        {
            var expansion = Terminology.Expand(valueSet, out var reason);
            Assert.True(expansion is { Codes.Count: > 0 }, $"{valueSet}: {reason}");
        }
    }

    [Fact]
    public void Every_clinic_concept_is_defined()
    {
        var system = ClinicIgDefinitions.Definitions.FindCodeSystem(ClinicIg.Concepts)!;
        Assert.Equal("complete", system.Content);
        Assert.All(system.Concepts, c => Assert.False(string.IsNullOrWhiteSpace(c.Display), c.Code));
        var json = JsonNode.Parse(File.ReadAllBytes(Path.Combine(RepoFiles.Profiles, "CodeSystem-clinic-concepts.json")))!;
        Assert.All(json["concept"]!.AsArray(), c => Assert.False(string.IsNullOrWhiteSpace(c!["definition"]?.GetValue<string>()), c!["code"]!.GetValue<string>()));
    }

    [Fact]
    public void The_check_notices_a_code_the_clinic_never_defined()
    {
        Assert.Equal(CodeCheckOutcome.Invalid, Terminology.ValidateCodeInSystem(ClinicIg.Concepts, "stem-cell-cure").Outcome);
    }

    private static void Walk(JsonNode? node, string path, List<string> problems)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["system"] is JsonValue s && obj["code"] is JsonValue c && s.GetValue<string>() is var system && !system.Contains("/sid/", StringComparison.Ordinal))
                {
                    var code = c.GetValue<string>();
                    var check = system == ClinicIg.Standard.Ucum ? Terminology.ValidateUcumUnit(code)
                        : Terminology.ValidateCodeInSystem(system, code, obj["display"]?.GetValue<string>());
                    if (check.Outcome == CodeCheckOutcome.Invalid || check.Issues.Any(i => i.Severity <= FhirGateway.Fhir.Issues.IssueSeverity.Warning))
                        problems.Add($"{path}: {system}|{code}: {check.Outcome} {string.Join("; ", check.Issues.Select(i => i.Message))}");
                }
                foreach (var (name, value) in obj) Walk(value, $"{path}.{name}", problems);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) Walk(array[i], $"{path}[{i}]", problems);
                break;
        }
    }
}
