using System.Text.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>The IG's examples: the valid and invalid sets (validated in ValidatorExampleTests) and their README.</summary>
public sealed class ExampleTests
{
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
    public void A_valid_example_has_the_id_the_packed_guide_lists_it_by(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Folder, "valid", file)));
        Assert.True(document.RootElement.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 },
            $"{file} has no id: ig pack lists every example in ImplementationGuide.definition.resource by Type/id");
    }

    [Fact]
    public void Every_invalid_example_is_described_in_the_readme()
    {
        var described = MarkdownTable.Rows(Path.Combine(Folder, "README.md")).Select(r => r[0]).Order().ToList();
        var files = Directory.EnumerateFiles(Path.Combine(Folder, "invalid"), "*.json").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(files, described);
    }
}
