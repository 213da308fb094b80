using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Json;
using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

/// <summary>The StructureDefinitions of the HL7 validator test cases (mostly differential-only) on top of R4 core.</summary>
public sealed class ValidatorProfileSnapshotTests
{
    private sealed record Candidate(string File, StructureDefinitionInfo? Definition, string? Error);

    private static List<Candidate> ValidatorStructureDefinitions()
    {
        var folder = Path.Combine(SharedConformance.Root!, "validator");
        return Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
            .Select(file => (file, bytes: File.ReadAllBytes(file)))
            .Where(f => System.Text.Encoding.UTF8.GetString(f.bytes).Contains("\"StructureDefinition\"", StringComparison.Ordinal)
                && System.Text.Json.JsonDocument.Parse(f.bytes).RootElement.GetProperty("resourceType").GetString() == "StructureDefinition")
            .Select(f => Read(Path.GetFileName(f.file), f.bytes))
            .ToList();
    }

    private static Candidate Read(string file, byte[] json)
    {
        try { return new Candidate(file, ConformanceJsonReader.ReadStructureDefinition(json, file), null); }
        catch (DefinitionFormatException e) { return new Candidate(file, null, e.Message); }
    }

    [ConformanceFact]
    public void Every_validator_profile_generates_a_snapshot_with_problems_as_issues()
    {
        var candidates = ValidatorStructureDefinitions();
        // Every one reads, including those without a name (name is 1..1, but the definition still computes).
        Assert.Empty(candidates.Where(c => c.Error is not null).Select(c => $"{c.File}: {c.Error}"));
        string[] nameless = ["ai7.json", "ai8.json", "cs-stds-status-ext.json", "obs-value-min-profile.json", "patient-ig-sd.json"];
        Assert.All(nameless, file => Assert.Contains(candidates, c => c.File == file && c.Definition!.Name.Length > 0));
        var profiles = candidates.Select(c => c.Definition).OfType<StructureDefinitionInfo>().ToList();
        Assert.True(profiles.Count >= 20, $"found only {profiles.Count} StructureDefinitions");
        var byUrl = profiles.GroupBy(p => p.Url).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var generator = new SnapshotGenerator(c => byUrl.GetValueOrDefault(c) ?? CoreDefinitions.R4.FindStructureDefinition(c));
        var issues = new List<Issue>();
        foreach (var profile in profiles.Where(p => p.Differential.Count > 0))
        {
            var result = generator.Generate(profile with { Snapshot = [] });
            Assert.True(result.Definition.HasSnapshot, $"{profile.Url}: no snapshot; {string.Join("; ", result.Issues)}");
            issues.AddRange(result.Issues);
        }
        // obs-mz.json types Observation.valueQuantity as Bla, and ai8.json lists Patient.identifier after Patient.birthDate:
        // deliberate faults of those test cases (the HL7 validator reports both).
        Assert.Equal([("snapshot-out-of-order", "Patient.identifier"), ("snapshot-type-not-allowed", "Observation.valueQuantity")],
            issues.Where(i => i.IsError).Select(i => (i.Code, i.Expression)).Order());
        // The res-inv profiles name R5 extensions (organization-brand, organization-portal, endpoint-fhir-version) unknown to R4.
        Assert.All(issues.Where(i => !i.IsError), i => Assert.Equal("snapshot-profile-not-found", i.Code));
        Assert.Equal(["endpoint-fhir-version", "organization-brand", "organization-portal"],
            issues.Where(i => !i.IsError).Select(i => i.Message.Split(' ')[2].Split('/')[^1]).Distinct().Order(StringComparer.Ordinal));
    }
}
