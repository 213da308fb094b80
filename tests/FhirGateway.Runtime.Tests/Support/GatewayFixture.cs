using System.Net.Http.Headers;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>
/// The whole gateway host on real Kestrel (127.0.0.1, a free port) over a real SQLite file in a temp folder, with one
/// partner (the stub) and a fake clock for business time (retry schedules, consents). Workers poll every 50 ms.
/// </summary>
public sealed class GatewayFixture : IAsyncDisposable
{
    public const string ApiKey = "test-key-1";
    public const string PartnerId = "hosp-a";
    public const string PartnerOrg = "urn:oid:2.16.840.1.113883.3.9999|hosp-a";

    private GatewayFixture(WebApplication app, string dataFolder, FakeTimeProvider time, FakeRecordMapper mapper)
    {
        App = app;
        DataFolder = dataFolder;
        Time = time;
        Mapper = mapper;
        var address = GatewayHost.Addresses(app.Services)[0];
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }
    public string DataFolder { get; }
    public FakeTimeProvider Time { get; }
    public FakeRecordMapper Mapper { get; }
    public HttpClient Http { get; }
    public IGatewayStore Store => App.Services.GetRequiredService<IGatewayStore>();

    /// <summary>The settings every test starts from, for one partner at <paramref name="partner"/>.</summary>
    public static Dictionary<string, string?> Settings(string dataFolder, Uri partner) => new()
    {
        ["Data"] = dataFolder,
        ["Http:Urls"] = "http://127.0.0.1:0",
        ["Intake:ApiKeys:0"] = ApiKey,
        ["Intake:BearerTokens:0"] = "test-bearer-1",
        ["Intake:InboxPollInterval"] = "00:00:00.05",
        ["Intake:InboxSettleTime"] = "00:00:00.001",
        ["Pipeline:PollInterval"] = "00:00:00.05",
        ["Delivery:PollInterval"] = "00:00:00.05",
        ["Delivery:InlineRetries"] = "0",
        ["Delivery:BaseDelay"] = "00:00:10",
        ["Delivery:CircuitBreaker:MinimumThroughput"] = "1000",
        ["Partners:0:Id"] = PartnerId,
        ["Partners:0:Organization"] = PartnerOrg,
        ["Partners:0:BaseUrl"] = partner.ToString(),
        ["Partners:0:Timeout"] = "00:00:02",
        ["Ledger:Key"] = LedgerKey,
    };

    /// <summary>The ledger key of test gateways (a real deployment keeps it outside the data folder, never in code).</summary>
    public const string LedgerKey = "test-ledger-key-0123456789abcdefghijklmnop";

    public static async Task<GatewayFixture> StartAsync(string dataFolder, Uri partner, Action<Dictionary<string, string?>>? configure = null,
        FakeTimeProvider? time = null, FakeRecordMapper? mapper = null, Action<IServiceCollection>? services = null)
    {
        var settings = Settings(dataFolder, partner);
        configure?.Invoke(settings);
        time ??= new FakeTimeProvider(Records.Start);
        mapper ??= new FakeRecordMapper();
        var app = GatewayHost.Build(new GatewayHostSettings
        {
            Overrides = settings,
            ConsoleLogs = false,
            Compose = b =>
            {
                b.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(time));
                b.Services.AddSingleton<IRecordMapper>(mapper);
                b.Services.AddSingleton<ITransactionBundleBuilder, FakeBundleBuilder>();
                b.Services.AddSingleton<IRecordValidator, StructuralRecordValidator>();
                services?.Invoke(b.Services);
            },
        });
        await app.StartAsync();
        return new GatewayFixture(app, dataFolder, time, mapper);
    }

    public Task<HttpResponseMessage> PostAsync(byte[] record, string? apiKey = ApiKey, string contentType = "application/json")
    {
        var content = new ByteArrayContent(record);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, "/records") { Content = content };
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return Http.SendAsync(request);
    }

    /// <summary><c>GET /records/{receipt}</c>.</summary>
    public Task<HttpResponseMessage> GetRecordAsync(string receipt, string? apiKey = ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/records/" + Uri.EscapeDataString(receipt));
        if (apiKey is not null) request.Headers.Add("X-Api-Key", apiKey);
        return Http.SendAsync(request);
    }

    /// <summary>Posts and expects 202; returns the receipt id.</summary>
    public async Task<string> SubmitAsync(byte[] record)
    {
        using var response = await PostAsync(record);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        using var receipt = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return receipt.RootElement.GetProperty("receiptId").GetString()!;
    }

    /// <summary>Polls the store until <paramref name="done"/> holds (30 s at most, real time: generous for a loaded CI machine).</summary>
    public async Task<StoreSummary> WaitForAsync(Func<StoreSummary, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var summary = await Store.SummaryAsync(CancellationToken.None);
            if (done(summary)) return summary;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; store: {summary}");
            await Task.Delay(25);
        }
    }

    /// <summary>Waits until the ledger holds <paramref name="count"/> entries of a step for a record.</summary>
    public async Task WaitForStepAsync(string record, string step, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await Store.TraceAsync(record, null, CancellationToken.None)).Count(e => e.Step == step) < count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {count} {step} entries of {record}");
            await Task.Delay(25);
        }
    }

    /// <summary>Verifies the ledger with the gateway's key and its checkpoint file.</summary>
    public Task<LedgerVerification> VerifyLedgerAsync() =>
        LedgerVerifier.VerifyAsync(Store.ReadLedgerAsync(CancellationToken.None), App.Services.GetRequiredService<LedgerKeyRing>(),
            LedgerCheckpoint.ReadFile(LedgerCheckpoint.PathIn(DataFolder)).Checkpoints, CancellationToken.None);

    /// <summary>Moves the fake clock and wakes the workers.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        App.Services.GetRequiredService<WorkSignals>().Delivery.Pulse();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
