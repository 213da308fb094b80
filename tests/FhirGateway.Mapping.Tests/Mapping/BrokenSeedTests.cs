using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Mapping.Tests.Mapping;

public sealed class BrokenSeedTests
{
    private static readonly RecordMapper Mapper = new();

    private static string Folder => Path.Combine(RepoFiles.Seeds, "broken");

    /// <summary>The rows of seeds/broken/README.md the mapper refuses (step mapping): file, code it must raise, field.</summary>
    public static TheoryData<string, string, string> Expected() => Rows("mapping");

    /// <summary>The rows the pipeline's cross-record checks refuse (step cross-record).</summary>
    public static TheoryData<string, string, string> CrossRecord() => Rows("cross-record");

    private static TheoryData<string, string, string> Rows(string step)
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in MarkdownTable.Rows(Path.Combine(Folder, "README.md")).Where(r => r[4] == step)) data.Add(row[0], row[1], row[2]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Expected))]
    public void A_broken_seed_is_refused_with_the_issue_its_readme_names(string file, string code, string field)
    {
        var mapping = Mapper.Map(File.ReadAllBytes(Path.Combine(Folder, file)));
        Assert.False(mapping.Success);
        Assert.Null(mapping.Record);
        var issue = Assert.Single(mapping.Issues, i => i.IsError);
        Assert.Equal(code, issue.Code);
        Assert.Equal(field.Length == 0 ? null : field, issue.Expression);
        if (mapping.Envelope is { } envelope) Assert.Equal(envelope.Key, issue.Origin);
    }

    [Theory]
    [MemberData(nameof(CrossRecord))]
    public void A_broken_seed_refused_by_the_cross_record_checks_maps(string file, string code, string field)
    {
        var mapping = Mapper.Map(File.ReadAllBytes(Path.Combine(Folder, file)));
        Assert.True(mapping.Success, $"{file} ({code} at {field}): {string.Join("; ", mapping.Issues)}");
    }

    [Fact]
    public void Every_broken_seed_is_described_in_the_readme_with_its_step()
    {
        Assert.All(MarkdownTable.Rows(Path.Combine(Folder, "README.md")), r => Assert.Contains(r[4], new[] { "mapping", "cross-record" }));
    }

    [Fact]
    public void Every_broken_seed_is_described_in_the_readme()
    {
        var described = MarkdownTable.Rows(Path.Combine(Folder, "README.md")).Select(r => r[0]).Order().ToList();
        var files = Directory.EnumerateFiles(Folder, "*.json").Select(f => Path.GetFileName(f)!).Order().ToList();
        Assert.Equal(files, described);
    }

    [Fact]
    public void A_field_issue_carries_the_line_and_column_of_the_field()
    {
        var issue = Mapper.Map(File.ReadAllBytes(Path.Combine(Folder, "unit-does-not-fit.json"))).Issues.Single();
        var lines = File.ReadAllLines(Path.Combine(Folder, "unit-does-not-fit.json"));
        Assert.Contains("\"unit\"", lines[issue.Line - 1][(issue.Column - 1)..], StringComparison.Ordinal);
    }
}
