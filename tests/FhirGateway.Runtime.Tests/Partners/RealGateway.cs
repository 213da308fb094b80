using System.Net.Http.Headers;
using System.Text.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>
/// The gateway as it ships (real mapping, validation and bundle builder, real clock) on a fresh data folder, with
/// one partner at a given FHIR base that the seed patients consent to share with: for end-to-end runs against a
/// real FHIR server. Disposing stops it and deletes the folder.
/// </summary>
public sealed class RealGateway : IAsyncDisposable
{
    public const string PartnerId = "northbridge-uh";
    private const string ApiKey = "real-gateway-key";
    private readonly string _data;

    private RealGateway(WebApplication app, string data)
    {
        App = app;
        _data = data;
        Http = new HttpClient { BaseAddress = new Uri(GatewayHost.Addresses(app.Services)[0]) };
        Http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public WebApplication App { get; }
    public HttpClient Http { get; }
    public IGatewayStore Store => App.Services.GetRequiredService<IGatewayStore>();

    /// <summary>The repository's good seed files (every seed outside <c>broken/</c>), in name order.</summary>
    public static IReadOnlyList<string> GoodSeeds { get; } = Directory.EnumerateFiles(RepositoryFolder.Combine("seeds")!, "*.json", SearchOption.AllDirectories)
        .Where(f => Path.GetRelativePath(RepositoryFolder.Combine("seeds")!, f).Split(Path.DirectorySeparatorChar)[0] != "broken")
        .Order(StringComparer.Ordinal).ToList();

    public static async Task<RealGateway> StartAsync(Uri partnerBase, Action<Dictionary<string, string?>>? configure = null)
    {
        var data = Directory.CreateTempSubdirectory("fhirgw-real-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Data"] = data,
            ["Http:Urls"] = "http://127.0.0.1:0",
            ["Intake:ApiKeys:0"] = ApiKey,
            ["Ledger:Key"] = Support.GatewayFixture.LedgerKey,
            ["Pipeline:PollInterval"] = "00:00:00.05",
            ["Delivery:PollInterval"] = "00:00:00.05",
            ["Delivery:BaseDelay"] = "00:00:00.2",
            ["Delivery:MaxDelay"] = "00:00:01",
            ["Delivery:InlineRetries"] = "0",
            ["Delivery:CircuitBreaker:MinimumThroughput"] = "1000",
            ["Partners:0:Id"] = PartnerId,
            ["Partners:0:Organization"] = $"{ClinicIg.Systems.Organization}|{PartnerId}",
            ["Partners:0:BaseUrl"] = partnerBase.ToString(),
            ["Partners:0:Timeout"] = "00:00:20",
            ["Ledger:Key"] = Support.GatewayFixture.LedgerKey,
        };
        configure?.Invoke(settings);
        var app = GatewayHost.Build(new GatewayHostSettings { Overrides = settings, ConsoleLogs = false });
        await app.StartAsync();
        return new RealGateway(app, data);
    }

    /// <summary>Posts a record; returns its record key (the test fails on a refusal).</summary>
    public async Task<string> PostAsync(byte[] record)
    {
        using var content = new ByteArrayContent(record);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync("/records", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("recordKey").GetString()!;
    }

    /// <summary>The first good seeds of the ALS patient (consent, intake, care plan, panel, product release, infusions…).</summary>
    public static IReadOnlyList<string> FirstSeeds(int count) =>
        GoodSeeds.Where(f => Path.GetFileName(Path.GetDirectoryName(f)) == "als").Take(count).ToList();

    /// <summary>Posts seed files (every good seed when none are named), in order; returns their record keys.</summary>
    public async Task<IReadOnlyList<string>> PostSeedsAsync(IEnumerable<string>? files = null)
    {
        var keys = new List<string>();
        foreach (var file in files ?? GoodSeeds) keys.Add(await PostAsync(await File.ReadAllBytesAsync(file)));
        return keys;
    }

    /// <summary>Waits (real time, up to <paramref name="seconds"/>) until nothing waits and nothing is pending.</summary>
    public async Task<StoreSummary> SettleAsync(int seconds = 180)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var summary = await Store.SummaryAsync(CancellationToken.None);
            if (summary.RecordsWaiting == 0 && summary.DeliveriesPending == 0) return summary;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The gateway did not settle: " + summary);
            await Task.Delay(100);
        }
    }

    /// <summary>The ledger entries of one step.</summary>
    public async Task<IReadOnlyList<LedgerEntry>> StepsAsync(string step)
    {
        var list = new List<LedgerEntry>();
        await foreach (var e in Store.ReadLedgerAsync(CancellationToken.None))
            if (e.Step == step) list.Add(e);
        return list;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a file still open: the temp folder is cleaned by the system
        }
    }
}
