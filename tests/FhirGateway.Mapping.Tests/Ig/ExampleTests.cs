using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>The IG's examples against the profile self-check (the full validator's turn is in ValidatorExampleTests).</summary>
public sealed class ExampleTests
{
    private static readonly ProfileSelfCheck Check = new(ClinicIgDefinitions.WithCore);

    private static string Folder => Path.Combine(RepoFiles.Profiles, "examples");

    public static TheoryData<string> Valid() => new(Directory.EnumerateFiles(Path.Combine(Folder, "valid"), "*.json").Select(f => Path.GetFileName(f)!).Order());

    /// <summary>The rows of profiles/examples/README.md: file, profile, rule, location.</summary>
    public static TheoryData<string, string, string, string> Invalid()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in MarkdownTable.Rows(Path.Combine(Folder, "README.md"))) data.Add(row[0], row[1], row[2], row[3]);
        return data;
    }

    internal static string ProfileOf(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("meta").GetProperty("profile")[0].GetString()!;
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void A_valid_example_passes_its_profiles_self_check(string file)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "valid", file));
        var issues = Check.Check(json, ProfileOf(json), file).Where(i => i.Severity <= IssueSeverity.Warning).ToList();
        Assert.True(issues.Count == 0, string.Join("\n", issues));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_invalid_example_fails_with_the_error_its_readme_names(string file, string profile, string rule, string location)
    {
        var json = File.ReadAllBytes(Path.Combine(Folder, "invalid", file));
        Assert.Equal(ClinicIg.Profile(profile), ProfileOf(json));
        var errors = Check.Check(json, ProfileOf(json), file).Where(i => i.IsError).ToList();
        Assert.NotEmpty(errors);
        if (rule.StartsWith("clinic-", StringComparison.Ordinal))
            Assert.Contains(errors, i => i.Code == "ig-invariant-failed" && i.Message.StartsWith($"Constraint {rule} ", StringComparison.Ordinal));
        else if (rule == "required")
            Assert.Contains(errors, i => i.Code == "ig-required-missing" && i.Message.Contains($"'{location[(location.LastIndexOf('.') + 1)..]}'", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_invalid_example_is_described_in_the_readme()
    {
        var described = MarkdownTable.Rows(Path.Combine(Folder, "README.md")).Select(r => r[0]).Order().ToList();
        var files = Directory.EnumerateFiles(Path.Combine(Folder, "invalid"), "*.json").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(files, described);
    }
}
