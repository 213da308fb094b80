using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Cli.Tests.Gateway;

/// <summary>One demo run over the real seeds, shared by the tests that read what it left.</summary>
public sealed class DemoRunFixture : IAsyncLifetime
{
    public string Data { get; } = Directory.CreateTempSubdirectory("fhirgw-demo-test-").FullName;
    public (int Exit, string Out, string Err) Result { get; private set; }

    public async Task InitializeAsync() => Result = await CliRun.Run("demo", "--seeds", CliRun.Seeds, "--data", Data, "--timeout", "60");

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Data, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>The tests that read one demo run's data share it (one run, not one per class).</summary>
[CollectionDefinition(nameof(DemoRunCollection))]
public sealed class DemoRunCollection : ICollectionFixture<DemoRunFixture>;

[Collection(nameof(DemoRunCollection))]
public sealed class DemoCommandTests(DemoRunFixture demo)
{
    [Fact]
    public void Delivers_the_good_seeds_parks_the_broken_ones_and_exits_0()
    {
        var (exit, output, errors) = demo.Result;

        Assert.True(exit == CliApp.ExitOk, output + errors);
        Assert.Contains("result: OK", output, StringComparison.Ordinal);
        // A broken seed is refused at intake when it breaks the record contract (or is unreadable), else parked by the pipeline.
        var refused = int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"records\s+\d+ seed files: \d+ stored, (\d+) refused at intake").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("refused  broken/not-json.json (HTTP 400): record-malformed-json", output.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains("refused  broken/alsfrs-item-out-of-range.json (HTTP 400): record-value-out-of-range", output.Replace('\\', '/'), StringComparison.Ordinal);
        var brokenFiles = Directory.GetFiles(Path.Combine(CliRun.Seeds, "broken"), "*.json").Length;
        Assert.InRange(refused, 2, brokenFiles - 1);
        Assert.Matches($@"parked\s+{brokenFiles - refused}\n", output);
        Assert.Contains("at mapping: record-safety-review-missing", output, StringComparison.Ordinal);
        Assert.Matches(@"riverside-neuro now holds 0 resources", output);
        Assert.Matches(@"\d+ records for riverside-neuro: no-consent", output);
        Assert.Matches(@"trace one record:  .*fhirgw\S* audit trace --record ", output);
    }

    [Fact]
    public async Task The_trace_command_it_prints_tells_the_records_story_to_the_partners_answer()
    {
        var line = demo.Result.Out.Split('\n').Single(l => l.StartsWith("trace one record:", StringComparison.Ordinal));
        var record = line.Split("--record ")[1].Split(' ')[0];

        var (exit, output, _) = await CliRun.Run("audit", "trace", "--record", record, "--data", demo.Data);

        Assert.Equal(CliApp.ExitOk, exit);
        foreach (var step in new[] { "received", "mapped", "validated", "held", "sent", "partner-response" })
            Assert.Contains(step, output, StringComparison.Ordinal);
        Assert.Contains("-> northbridge-uh  200", output, StringComparison.Ordinal);
        Assert.Contains("-> riverside-neuro  no-consent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_update_recorded_at_the_sandbox_partner_reaches_the_outbox_and_its_trace_shows_it_received_and_handed_to_the_clinic()
    {
        var output = demo.Result.Out;
        Assert.Matches(@"inbound\s+1 update recorded at northbridge-uh reached the clinic: Observation/\S+/_history/1, matched to its clinic patient", output);
        var outbox = output.Split('\n').Single(l => l.TrimStart().StartsWith("outbox ", StringComparison.Ordinal)).Trim()["outbox".Length..].Trim();
        Assert.True(File.Exists(outbox), outbox);
        var line = output.Split('\n').Single(l => l.StartsWith("trace the update:", StringComparison.Ordinal));
        var record = line.Split("--record ")[1].Split(' ')[0];

        var (exit, trace, _) = await CliRun.Run("audit", "trace", "--record", record, "--data", demo.Data);

        Assert.Equal(CliApp.ExitOk, exit);
        Assert.Contains("received-from-partner  <- northbridge-uh  valid  Observation/", trace, StringComparison.Ordinal);
        Assert.Contains("handed-to-clinic  <- northbridge-uh", trace, StringComparison.Ordinal);
    }

    [Fact]
    public void The_logs_of_the_run_name_no_patient_by_name_birth_date_or_identifier()
    {
        var log = File.ReadAllText(GatewayHost.LogFile(demo.Data));
        Assert.Contains("REC-", log, StringComparison.Ordinal); // records are named, by record id
        var secrets = PatientDetails().ToList();
        Assert.NotEmpty(secrets);
        foreach (var secret in secrets) Assert.DoesNotContain(secret, log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_delivered_AuditEvents_are_valid_R4_AuditEvents()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(demo.Data, "gateway.db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT json FROM audit_events";
        using var reader = command.ExecuteReader();
        var validator = new FhirGateway.Validation.FhirValidator(FhirGateway.Fhir.Definitions.CoreDefinitions.R4);
        var count = 0;
        while (reader.Read())
        {
            var result = validator.Validate((byte[])reader[0], "AuditEvent");
            Assert.False(result.HasErrors, string.Join("\n", result.Issues));
            count++;
        }
        Assert.True(count > 0);
    }

    /// <summary>Every patient name part, birth date, clinic id and partner MRN in the seeds.</summary>
    private static IEnumerable<string> PatientDetails()
    {
        foreach (var file in Directory.EnumerateFiles(CliRun.Seeds, "*.json", SearchOption.AllDirectories))
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(File.ReadAllBytes(file));
            }
            catch (JsonException)
            {
                continue;
            }
            using (doc)
            {
                if (!doc.RootElement.TryGetProperty("patient", out var patient)) continue;
                foreach (var name in new[] { "id", "birthDate", "partnerMrn" })
                    if (patient.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String) yield return v.GetString()!;
                if (patient.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.Object)
                {
                    if (n.TryGetProperty("family", out var family)) yield return family.GetString()!;
                    if (n.TryGetProperty("given", out var given))
                        foreach (var g in given.EnumerateArray()) yield return g.GetString()!;
                }
            }
        }
    }
}
