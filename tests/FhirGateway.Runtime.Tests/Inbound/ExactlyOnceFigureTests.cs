using System.Text.Json.Nodes;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;
using Xunit.Abstractions;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>
/// The figure for issue 10: 100 updates created at the Medplum partner, one gateway restart in the middle (updates
/// are created while the gateway is down too); how many reached the clinic once, twice or never. Printed, and
/// asserted: 100 / 0 / 0.
/// </summary>
public abstract class ExactlyOnceFigureTests(ITestOutputHelper output) : MedplumInboundTestBase
{
    protected const int Total = 100;

    protected async Task<(int Once, int Twice, int Lost)> FigureAsync(List<string> created)
    {
        var items = await InboundFeed.WaitForAsync(Gateway.Http, Total, $"all {Total} updates");
        await Task.Delay(1500); // more turns: a repeat would show now
        items = await InboundFeed.ReadAllAsync(Gateway.Http, 500);
        var counts = items.GroupBy(i => (string)i["id"]!).ToDictionary(g => g.Key, g => g.Count());
        var once = created.Count(id => counts.GetValueOrDefault(id) == 1);
        var twice = created.Count(id => counts.GetValueOrDefault(id) >= 2);
        var lost = created.Count(id => !counts.ContainsKey(id));
        var outboxFiles = Directory.Exists(Outbox)
            ? Directory.EnumerateFiles(Outbox, "*.json", SearchOption.AllDirectories).Count(f => !f.EndsWith(".outcome.json", StringComparison.Ordinal))
            : 0;
        output.WriteLine($"{Mode}: {Total} created at the Medplum partner, one gateway restart: received once {once}, twice or more {twice}, lost {lost}; " +
            $"feed items {items.Count}, outbox files {outboxFiles} (may trail the feed by one write turn)");
        return (once, twice, lost);
    }

    protected Task<JsonObject> CreateAsync(string patient, int n) => ObservationAtPartnerAsync(patient, n);
}

public sealed class PollingExactlyOnceFigureTests(ITestOutputHelper output) : ExactlyOnceFigureTests(output)
{
    protected override string Mode => "Poll";

    [MedplumFact]
    public async Task Hundred_updates_created_at_the_partner_across_one_restart_reach_the_clinic_exactly_once()
    {
        var patients = new[] { await PatientAtPartnerAsync("p1"), await PatientAtPartnerAsync("p2") };
        var created = new List<string>();
        for (var n = 0; n < 40; n++) created.Add((string)(await CreateAsync(patients[n % 2], n))["id"]!);
        await InboundFeed.WaitForAsync(Gateway.Http, 10, "the first updates");
        for (var n = 40; n < 60; n++) created.Add((string)(await CreateAsync(patients[n % 2], n))["id"]!);
        await Gateway.DisposeAsync(); // mid-stream
        for (var n = 60; n < 80; n++) created.Add((string)(await CreateAsync(patients[n % 2], n))["id"]!);
        Gateway = await StartGatewayAsync();
        for (var n = 80; n < Total; n++) created.Add((string)(await CreateAsync(patients[n % 2], n))["id"]!);

        Assert.Equal((Total, 0, 0), await FigureAsync(created));
    }
}

public sealed class SubscriptionExactlyOnceFigureTests(ITestOutputHelper output) : ExactlyOnceFigureTests(output)
{
    protected override string Mode => "Subscription";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        base.Configure(settings);
        settings["Partners:0:Inbound:PollInterval"] = "00:00:30"; // only gaps and the start make it search
    }

    [MedplumFact]
    public async Task Hundred_notified_updates_across_one_restart_and_missed_notifications_reach_the_clinic_exactly_once()
    {
        var patients = new[] { await PatientAtPartnerAsync("p1"), await PatientAtPartnerAsync("p2") };
        var created = new List<string>();
        var down = false;
        for (var n = 1; n <= Total; n++)
        {
            var resource = await CreateAsync(patients[n % 2], n);
            created.Add((string)resource["id"]!);
            if (n == 50)
            {
                await Gateway.DisposeAsync();
                down = true;
            }
            if (n == 70)
            {
                Gateway = await StartGatewayAsync();
                down = false;
            }
            if (down || n % 17 == 0) continue; // sent while the gateway is down, or lost on the way: never arrives
            using var response = await BackportNotifications.PostAsync(Gateway.Http, FhirGateway.Runtime.Tests.Support.GatewayFixture.PartnerId,
                BackportNotifications.Build("Subscription/neuro-1", "event-notification", n, [(n, resource)]), NotificationToken);
            Assert.True(response.IsSuccessStatusCode, $"notification {n}: {(int)response.StatusCode}");
        }

        Assert.Equal((Total, 0, 0), await FigureAsync(created));
    }
}
