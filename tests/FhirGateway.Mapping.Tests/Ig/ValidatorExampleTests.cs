using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>The full validator on the IG: every resource mapped from every good seed and every valid example validates with neither error nor warning; every invalid example fails with the error its README names.</summary>
public sealed class ValidatorExampleTests
{
    private static string Folder => Path.Combine(RepoFiles.Profiles, "examples");

    public static TheoryData<string> GoodSeeds() => new(RepoFiles.GoodSeeds());

    public static TheoryData<string> Valid() => ExampleTests.Valid();

    public static TheoryData<string, string, string, string> Invalid() => ExampleTests.Invalid();

    private static string Show(IEnumerable<Issue> issues) => string.Join("\n", issues);

    [Theory]
    [MemberData(nameof(GoodSeeds))]
    public void Every_resource_mapped_from_a_good_seed_validates_against_its_profile_without_errors_or_warnings(string seed)
    {
        foreach (var resource in new RecordMapper().Map(RepoFiles.Seed(seed)).Record!.Resources)
        {
            var errors = ClinicValidation.Problems(resource.Json, resource.Profile, $"{seed} {resource.ResourceType}/{resource.Id}");
            Assert.True(errors.Count == 0, $"{seed} {resource.ResourceType} ({resource.Profile}):\n{Show(errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_example_validates_without_errors_or_warnings(string file)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "valid", file));
        var errors = ClinicValidation.Problems(json, ExampleTests.ProfileOf(json), file);
        Assert.True(errors.Count == 0, Show(errors));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_example_fails_with_the_error_its_readme_names(string file, string profile, string rule, string location)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "invalid", file));
        Assert.Equal(ClinicIg.Profile(profile), ExampleTests.ProfileOf(json));
        var errors = ClinicValidation.Validate(json, ClinicIg.Profile(profile), file).Where(i => i.IsError).ToList();
        Assert.NotEmpty(errors);
        if (rule.StartsWith("clinic-", StringComparison.Ordinal))
            Assert.Contains(errors, i => i.Message.Contains(rule, StringComparison.Ordinal));
        else
            Assert.Contains(errors, i => Names(i, location));
    }

    /// <summary>
    /// Whether an issue is about <paramref name="location"/>: found at it or below it, or (a missing element, reported as
    /// the HL7 validator does at its parent: <c>Observation.focus: minimum required = 1</c>) naming it in its message.
    /// </summary>
    private static bool Names(Issue issue, string location) =>
        issue.Expression is { } e && e.StartsWith(location.Replace("[x]", "", StringComparison.Ordinal), StringComparison.Ordinal)
        || issue.Message.StartsWith(location + ":", StringComparison.Ordinal);
}
