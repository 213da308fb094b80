using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Terminology.Tests.Conformance;

/// <summary>The clinic's own value sets and code systems (profiles/ in the repository) in front of core.</summary>
public sealed class ClinicValueSetTests
{
    private static readonly Lazy<(IDefinitionSource Clinic, TerminologyService Tx)> Loaded = new(() =>
    {
        var clinic = DefinitionSources.OpenFiles(ProfilesFolder());
        return (clinic, new TerminologyService(DefinitionResolver.WithCore(clinic)));
    });

    private static string ProfilesFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return Path.Combine(dir.FullName, "profiles");
        throw new DirectoryNotFoundException("the repository root (FhirGateway.sln) is not above the test binaries");
    }

    [Fact]
    public void Every_clinic_value_set_expands_completely()
    {
        var (clinic, tx) = Loaded.Value;
        var entries = clinic.List(DefinitionKind.ValueSet).ToList();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            var expansion = tx.Expand(e.Canonical, out var reason);
            Assert.True(expansion is { IsIncomplete: false, Codes.Count: > 0 }, $"{e.Canonical}: {reason}");
        }
    }

    [Fact]
    public void No_code_a_clinic_value_set_lists_is_invalid_in_its_system()
    {
        var (clinic, tx) = Loaded.Value;
        var bad = clinic.ValueSets()
            .SelectMany(vs => vs.Compose?.Include ?? [])
            .SelectMany(include => include.Concepts.Select(c => (include.System!, c.Code, c.Display)))
            .Select(c => (Coding: c, Check: tx.ValidateCodeInSystem(c.Item1, c.Code, c.Display)))
            .Where(r => r.Check.Outcome == CodeCheckOutcome.Invalid || r.Check.Issues.Any(i => i.IsError || i.Severity == Fhir.Issues.IssueSeverity.Warning))
            .Select(r => $"{r.Coding.Item1}#{r.Coding.Code}: {string.Join(" | ", r.Check.Issues)}")
            .ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void A_clinic_code_is_valid_in_its_value_set_and_a_core_code_is_not()
    {
        var (clinic, tx) = Loaded.Value;
        var vs = clinic.ValueSets().First(v => v.Compose?.Include.Any(i => i.System is { } s && s.StartsWith("https://fhir.helixneuro.clinic/", StringComparison.Ordinal) && i.Concepts.Count > 0) == true);
        var include = vs.Compose!.Include.First(i => i.Concepts.Count > 0 && i.System!.StartsWith("https://fhir.helixneuro.clinic/", StringComparison.Ordinal));
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(vs.Url, include.System, include.Concepts[0].Code).Outcome);
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode(vs.Url, "http://hl7.org/fhir/administrative-gender", "male").Outcome);
    }
}
