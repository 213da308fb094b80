using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;
using FhirGateway.Terminology;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>The full validator on the IG: every resource mapped from every good seed and every valid example validates with no error; every invalid example fails.</summary>
public sealed class ValidatorExampleTests
{
    private static readonly Lazy<Func<byte[], string, IReadOnlyList<Issue>>?> Validate =
        new(() => ValidatorProbe.Create(ClinicIgDefinitions.WithCore, new TerminologyService(ClinicIgDefinitions.WithCore)));

    private static string Folder => Path.Combine(RepoFiles.Profiles, "examples");

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    public static TheoryData<string> Valid() => ExampleTests.Valid();

    public static TheoryData<string, string, string, string> Invalid() => ExampleTests.Invalid();

    private static string Show(IEnumerable<Issue> issues) => string.Join("\n", issues);

    [ValidatorTheory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_resource_mapped_from_a_good_seed_validates_against_its_profile(string seed)
    {
        foreach (var resource in new RecordMapper().Map(RepoFiles.Seed(seed)).Record!.Resources)
        {
            var errors = Validate.Value!(resource.Json.ToArray(), resource.Profile).Where(i => i.IsError).ToList();
            Assert.True(errors.Count == 0, $"{seed} {resource.ResourceType} ({resource.Profile}):\n{Show(errors)}");
        }
    }

    [ValidatorTheory]
    [MemberData(nameof(Valid))]
    public void A_valid_example_validates_with_no_error(string file)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "valid", file));
        var errors = Validate.Value!(json, ExampleTests.ProfileOf(json)).Where(i => i.IsError).ToList();
        Assert.True(errors.Count == 0, Show(errors));
    }

    [ValidatorTheory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_example_fails_with_the_error_its_readme_names(string file, string profile, string rule, string location)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "invalid", file));
        var errors = Validate.Value!(json, ClinicIg.Profile(profile)).Where(i => i.IsError).ToList();
        Assert.NotEmpty(errors);
        if (rule.StartsWith("clinic-", StringComparison.Ordinal))
            Assert.Contains(errors, i => i.Message.Contains(rule, StringComparison.Ordinal));
        else
            Assert.Contains(errors, i => i.Expression is { } e && e.StartsWith(location.Replace("[x]", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }
}
