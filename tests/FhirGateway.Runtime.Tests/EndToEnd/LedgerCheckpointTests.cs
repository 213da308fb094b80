using System.Collections.Concurrent;
using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary>The running gateway checkpoints its ledger to the data folder and to an external sink.</summary>
public sealed class LedgerCheckpointTests : GatewayTestBase
{
    private readonly ConcurrentQueue<string> _received = new();
    private WebApplication _sink = null!;

    public override async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _sink = builder.Build();
        _sink.MapPost("/checkpoints", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            _received.Enqueue(await reader.ReadToEndAsync());
            return Results.NoContent();
        });
        await _sink.StartAsync();
        await base.InitializeAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Ledger:CheckpointInterval"] = "00:00:00.1";
        settings["Ledger:CheckpointUrl"] = new Uri(new Uri(GatewayHost.Addresses(_sink.Services)[0]), "/checkpoints").ToString();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task The_head_is_checkpointed_to_the_file_and_the_sink_and_verifies_against_both()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "the consent delivered");
        var (head, _) = await Gateway.Store.GetLedgerHeadAsync(None);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_received.Any(b => Seq(b) == head) && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.Contains(_received, b => Seq(b) == head);
        var (file, problems) = LedgerCheckpoint.ReadFile(LedgerCheckpoint.PathIn(Gateway.DataFolder));
        Assert.Empty(problems);
        Assert.Contains(file, c => c.Seq == head);
        var verification = await Gateway.VerifyLedgerAsync();
        Assert.True(verification.Intact, verification.Reason ?? verification.CheckpointProblem);
        Assert.True(verification.CheckpointsChecked > 0);
    }

    private static long Seq(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("seq").GetInt64();
    }
}
