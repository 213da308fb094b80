using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Tests.Issues;

public sealed class IssueCatalogueTests
{
    [Fact]
    public void Catalogue_ids_are_unique()
    {
        var duplicates = IssueCatalogue.All.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Catalogue_ids_are_lower_kebab_case_with_a_stage_prefix()
    {
        var bad = IssueCatalogue.All.Where(d => !System.Text.RegularExpressions.Regex.IsMatch(d.Id, "^[a-z]+(-[a-z0-9]+)+$")).Select(d => d.Id).ToList();
        Assert.Empty(bad);
    }

    [Fact]
    public void Issue_renders_as_file_line_column_severity_code_message_and_path()
    {
        var def = new IssueDefinition("test-sample", IssueSeverity.Error, IssueType.Structure, "Bad {0}");
        var issue = def.At("Patient.name[0]", "thing") with { Origin = "p.json", Line = 3, Column = 7 };
        Assert.Equal("p.json:3:7 error test-sample Bad thing @ Patient.name[0]", issue.ToString());
    }
}
