using System.Text.Json;
using static FhirGateway.Cli.Tests.CliRun;

namespace FhirGateway.Cli.Tests.Cli;

public sealed class MapCommandTests
{
    [Fact]
    public async Task Prints_the_transaction_bundle_of_a_good_record_and_exits_0()
    {
        var (exit, output, errors) = await Run("map", Repo("seeds", "als", "02-intake-assessment.json"), "--validate");
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        using var bundle = JsonDocument.Parse(output);
        Assert.Equal("transaction", bundle.RootElement.GetProperty("type").GetString());
        var types = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource").GetProperty("resourceType").GetString()).ToList();
        Assert.Equal(["Patient", "Condition", "Observation", "Observation", "Observation", "MedicationStatement", "MedicationStatement", "DiagnosticReport", "DiagnosticReport", "Provenance"], types);
    }

    [Fact]
    public async Task With_validate_care_teams_whose_members_are_contained_meet_no_partner_validator_incompatibility()
    {
        // Firely rejects a CareTeam whose members do not resolve (firely-ctm-1-unresolved-member, warned about as
        // compat-partner-validator, see PartnerCompatibilityTests); the mapped CareTeams contain their members.
        var (exit, output, errors) = await Run("map", Repo("seeds", "als", "03-care-plan.json"), "--validate");
        Assert.Equal((CliApp.ExitOk, ""), (exit, errors));
        using var bundle = JsonDocument.Parse(output);
        var teams = bundle.RootElement.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource"))
            .Where(r => r.GetProperty("resourceType").GetString() == "CareTeam").ToList();
        Assert.NotEmpty(teams);
        Assert.All(teams, t => Assert.All(t.GetProperty("participant").EnumerateArray(),
            p => Assert.StartsWith("#", p.GetProperty("member").GetProperty("reference").GetString(), StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reports_a_bad_record_on_stderr_with_file_line_column_and_field_and_exits_1()
    {
        var file = Repo("seeds", "broken", "unit-does-not-fit.json");
        var (exit, output, errors) = await Run("map", file);
        Assert.Equal((CliApp.ExitIssues, ""), (exit, output));
        Assert.Contains($"{file}:51:7 error record-unit-mismatch ", errors, StringComparison.Ordinal);
        Assert.Contains("@ results[1].unit", errors, StringComparison.Ordinal);
        Assert.Contains("biomarker-panel record REC-100234-BMK-92@1 was not mapped", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_json_the_issues_are_one_operation_outcome_and_stdout_holds_only_the_bundle()
    {
        var (exit, output, errors) = await Run("map", Repo("seeds", "broken", "alsfrs-total-not-sum.json"), "--json");
        Assert.Equal((CliApp.ExitIssues, ""), (exit, output));
        using var outcome = JsonDocument.Parse(errors);
        var codes = outcome.RootElement.GetProperty("issue").EnumerateArray()
            .Select(i => i.GetProperty("details").GetProperty("coding")[0].GetProperty("code").GetString()).ToList();
        Assert.Equal(["record-score-mismatch", "record-not-mapped"], codes);

        var (goodExit, goodOutput, _) = await Run("map", Repo("seeds", "ms", "01-consent.json"), "--json");
        Assert.Equal(CliApp.ExitOk, goodExit);
        Assert.Equal("Bundle", JsonDocument.Parse(goodOutput).RootElement.GetProperty("resourceType").GetString());
    }

    [Fact]
    public async Task A_missing_record_file_is_an_io_error_with_exit_2()
    {
        var (exit, output, errors) = await Run("map", Repo("seeds", "absent.json"));
        Assert.Equal((CliApp.ExitUsage, ""), (exit, output));
        Assert.Contains("absent.json", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_argument_is_a_usage_error()
    {
        var (exit, _, _) = await Run("map");
        Assert.Equal(CliApp.ExitUsage, exit);
    }
}
