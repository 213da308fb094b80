using System.Net.Http.Headers;
using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;

namespace FhirGateway.Fuzz;

/// <summary>
/// <c>POST /records</c> of the running gateway (real Kestrel on 127.0.0.1, real store, mapper and validator working
/// through what it accepts): every mutated record gets an answer below 500, every receipt can be read back, and no
/// worker fails.
/// </summary>
public sealed class IntakeFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string ApiKey = "fuzz-key";
    private readonly string _data = Directory.CreateTempSubdirectory("fhirgw-fuzz-").FullName;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _app = GatewayHost.Build(new GatewayHostSettings
        {
            ConsoleLogs = false,
            Overrides = new Dictionary<string, string?>
            {
                ["Data"] = _data,
                ["Http:Urls"] = "http://127.0.0.1:0",
                ["Intake:ApiKeys:0"] = ApiKey,
                ["Pipeline:PollInterval"] = "00:00:00.05",
                ["Ledger:Key"] = "fuzz-ledger-key-0123456789abcdefghijklmnop",
            },
        });
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(GatewayHost.Addresses(_app.Services)[0]) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Posting_mutated_records_never_gets_a_5xx_and_no_worker_fails()
    {
        var report = await FuzzRun.RunAsync("intake", FuzzSeeds.Records, 400, TimeSpan.FromSeconds(15), PostAsync);

        output.WriteLine(report.ToString());
        Assert.True(report.Failures.Count == 0, string.Join("\n", report.Failures.Take(10)));
        Assert.Empty(GatewayHost.FaultedWorkers(_app.Services));
    }

    private async Task<string?> PostAsync(byte[] record)
    {
        using var content = new ByteArrayContent(record);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync("/records", content);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode >= 500) return $"POST answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}";
        if ((int)response.StatusCode is not (200 or 202)) return null;
        using var receipt = JsonDocument.Parse(body);
        using var status = await _http.GetAsync("/records/" + Uri.EscapeDataString(receipt.RootElement.GetProperty("receiptId").GetString()!));
        return (int)status.StatusCode >= 500 ? $"GET of the receipt answered {(int)status.StatusCode}" : null;
    }
}
