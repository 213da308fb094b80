using System.Net.Http.Headers;
using System.Text.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Demo.Sandbox;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FhirGateway.Demo;

/// <summary>One seed file's fate at intake: its record key when stored, or the HTTP status and the outcome that refused it.</summary>
public sealed record SeedIntake(string File, bool Broken, int Status, string? RecordKey, string? Refusal);

/// <summary>A sandbox partner of the demo: its id, FHIR base, and how many resources it holds at the end.</summary>
public sealed record DemoPartner(string Id, string Name, Uri BaseUrl, bool Consented, int Resources);

/// <summary>What the demo did: the seeds at intake, the store at the end, what the sandbox partner holds, the ledger check.</summary>
public sealed record DemoReport(
    string DataFolder, IReadOnlyList<DemoPartner> Partners, IReadOnlyList<SeedIntake> Seeds, StoreSummary Store, IReadOnlyList<ParkedItem> Parked,
    IReadOnlyList<HeldItem> Held, LedgerVerification Ledger, IReadOnlyList<string> Undelivered, bool Settled, DemoInbound? Inbound)
{
    /// <summary>The ledger key file the demo made (outside the data folder), when the environment gave no key.</summary>
    public string? LedgerKeyFile { get; init; }

    /// <summary>Every good seed delivered, every broken one parked or refused, nothing sent without consent, the ledger intact.</summary>
    public bool Success => Settled && Undelivered.Count == 0 && Ledger.Intact && Inbound is { Arrived: true } && Seeds.Where(s => s.Broken).All(BrokenStopped)
        && Partners.Where(p => !p.Consented).All(p => p.Resources == 0);

    public bool BrokenStopped(SeedIntake seed) =>
        seed.RecordKey is null || Parked.Any(p => p.RecordKey == seed.RecordKey);
}

/// <summary>
/// <c>fhirgw demo</c>: the main job on embedded defaults. Starts sandbox partner EHRs on 127.0.0.1 and the gateway
/// (a fresh temporary data folder unless one is given) with them as partners: Northbridge, to which the seed
/// patients consent, and Riverside, to which they do not (so everything for it is held for consent). Posts every
/// seed record to <c>POST /records</c>, waits until the pipeline and the queue are quiet, then records one result at
/// Northbridge as its neurology team would (the gateway polls it) and waits for it in the feed and the outbox, and reports.
/// </summary>
public static class DemoRun
{
    public const string PartnerId = "northbridge-uh";
    public const string UnconsentedPartnerId = "riverside-neuro";

    public static async Task<DemoReport> RunAsync(string seedsFolder, string? dataFolder, TimeSpan timeout, Action<IHostApplicationBuilder>? compose, CancellationToken cancellationToken)
    {
        var data = dataFolder ?? Path.Combine(Path.GetTempPath(), "fhirgw-demo-" + Guid.NewGuid().ToString("N")[..8]);
        await using var ehr = await SandboxPartnerEhr.StartAsync([PartnerId, UnconsentedPartnerId], cancellationToken);
        var apiKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var settings = Settings(data, ehr, apiKey);
        var keyFile = DemoKeyFile(data);
        if (keyFile is not null) settings["Ledger:KeyFile"] = keyFile;
        var app = GatewayHost.Build(new GatewayHostSettings { Overrides = settings, ConsoleLogs = false, Compose = compose });
        await using (app)
        {
            await app.StartAsync(cancellationToken);
            var address = GatewayHost.Addresses(app.Services)[0];
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
            var seeds = await PostSeedsAsync(http, seedsFolder, cancellationToken);
            var store = app.Services.GetRequiredService<IGatewayStore>();
            var settled = await SettleAsync(store, timeout, cancellationToken);
            var inbound = settled
                ? await DemoInboundStep.RunAsync(ehr.Server(PartnerId), PartnerId, http, InboundOptions.OutboxFolder(Options(app)), timeout, cancellationToken)
                : null;
            var partners = new List<DemoPartner>
            {
                new(PartnerId, Names[PartnerId], ehr.BaseUrl(PartnerId), true, ehr.Server(PartnerId).CountAll()),
                new(UnconsentedPartnerId, Names[UnconsentedPartnerId], ehr.BaseUrl(UnconsentedPartnerId), false, ehr.Server(UnconsentedPartnerId).CountAll()),
            };
            var report = new DemoReport(Path.GetFullPath(data), partners, seeds, await store.SummaryAsync(cancellationToken),
                await store.ListParkedAsync(cancellationToken), await store.ListHeldAsync(cancellationToken),
                await LedgerVerifier.VerifyAsync(store.ReadLedgerAsync(cancellationToken), app.Services.GetRequiredService<LedgerKeyRing>(), [], cancellationToken),
                await UndeliveredAsync(store, seeds, cancellationToken), settled, inbound) { LedgerKeyFile = keyFile };
            await app.StopAsync(CancellationToken.None);
            return report;
        }
    }

    /// <summary>
    /// The demo's ledger key, unless the environment gives one: a file outside the data folder (in the temp folder, one per
    /// data folder, made once), so that <c>audit verify</c> can check the demo's ledger afterwards.
    /// </summary>
    private static string? DemoKeyFile(string data)
    {
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(GatewayConfiguration.EnvironmentPrefix + "LEDGER__KEY"))
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(GatewayConfiguration.EnvironmentPrefix + "LEDGER__KEYFILE"))) return null;
        var id = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(data))))[..16];
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fhirgw-demo-keys")).FullName;
        var file = Path.Combine(folder, id + ".key");
        if (File.Exists(file)) return file;
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var writer = new StreamWriter(file, System.Text.Encoding.ASCII, create))
            writer.Write(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        return file;
    }

    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        [PartnerId] = "Northbridge University Hospital (sandbox EHR)",
        [UnconsentedPartnerId] = "Riverside Neurology Centre (sandbox EHR; no patient consents to it)",
    };

    private static Dictionary<string, string?> Settings(string data, SandboxPartnerEhr ehr, string apiKey) => new()
    {
        ["Data"] = data,
        ["Http:Urls"] = "http://127.0.0.1:0",
        ["Intake:ApiKeys:0"] = apiKey,
        ["Pipeline:PollInterval"] = "00:00:00.1",
        ["Delivery:PollInterval"] = "00:00:00.1",
        ["Partners:0:Id"] = PartnerId,
        ["Partners:0:Name"] = Names[PartnerId],
        ["Partners:0:Organization"] = $"{ClinicIg.Systems.Organization}|{PartnerId}",
        ["Partners:0:BaseUrl"] = ehr.BaseUrl(PartnerId).ToString(),
        ["Partners:0:PatientIdentifierSystem"] = "https://fhir.northbridge-uh.org/sid/mrn",
        ["Partners:0:Inbound:Mode"] = "Poll",
        ["Partners:0:Inbound:PollInterval"] = "00:00:00.2",
        ["Inbound:OutboxPollInterval"] = "00:00:00.1",
        ["Partners:1:Id"] = UnconsentedPartnerId,
        ["Partners:1:Name"] = Names[UnconsentedPartnerId],
        ["Partners:1:Organization"] = $"{ClinicIg.Systems.Organization}|{UnconsentedPartnerId}",
        ["Partners:1:BaseUrl"] = ehr.BaseUrl(UnconsentedPartnerId).ToString(),
    };

    private static GatewayOptions Options(WebApplication app) => app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<GatewayOptions>>().Value;

    private static async Task<List<SeedIntake>> PostSeedsAsync(HttpClient http, string seedsFolder, CancellationToken cancellationToken)
    {
        var results = new List<SeedIntake>();
        foreach (var file in Directory.EnumerateFiles(seedsFolder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(seedsFolder, file);
            var broken = relative.Split(Path.DirectorySeparatorChar)[0] == "broken";
            using var content = new ByteArrayContent(await File.ReadAllBytesAsync(file, cancellationToken));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await http.PostAsync("/records", content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            results.Add(status is 200 or 202
                ? new SeedIntake(relative, broken, status, Property(body, "recordKey"), null)
                : new SeedIntake(relative, broken, status, null, FirstIssue(body)));
        }
        return results;
    }

    /// <summary>Waits until no record is waiting and no delivery is pending (or the time is up).</summary>
    private static async Task<bool> SettleAsync(IRecordQueries store, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (TimeProvider.System.GetUtcNow() < deadline)
        {
            var summary = await store.SummaryAsync(cancellationToken);
            if (summary.RecordsWaiting == 0 && summary.DeliveriesPending == 0) return true;
            await Task.Delay(100, cancellationToken);
        }
        return false;
    }

    private static async Task<List<string>> UndeliveredAsync(ILedgerStore store, IEnumerable<SeedIntake> seeds, CancellationToken cancellationToken)
    {
        var undelivered = new List<string>();
        foreach (var seed in seeds.Where(s => !s.Broken))
        {
            var trace = seed.RecordKey is null ? [] : await store.TraceAsync(seed.RecordKey, null, cancellationToken);
            if (!trace.Any(e => e.Step == LedgerSteps.PartnerResponse && e.Draft.Status is "200")) undelivered.Add(seed.File);
        }
        return undelivered;
    }

    private static string? Property(string json, string name)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    /// <summary>The first issue of an OperationOutcome as <c>code: text</c>.</summary>
    public static string? FirstIssue(string outcome)
    {
        try
        {
            using var doc = JsonDocument.Parse(outcome);
            if (!doc.RootElement.TryGetProperty("issue", out var issues) || issues.GetArrayLength() == 0) return null;
            var issue = issues[0];
            var code = issue.TryGetProperty("details", out var d) && d.TryGetProperty("coding", out var c) ? c[0].GetProperty("code").GetString() : issue.GetProperty("code").GetString();
            var text = issue.TryGetProperty("details", out var d2) && d2.TryGetProperty("text", out var t) ? t.GetString()
                : issue.TryGetProperty("diagnostics", out var diag) ? diag.GetString() : null;
            var at = issue.TryGetProperty("expression", out var e) ? $" @ {e[0].GetString()}" : "";
            return $"{code}: {text}{at}";
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
