using System.Text;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.EndToEnd;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.Console;

/// <summary>
/// The console's health pages in a real browser (headless Debian chromium) against the real gateway: partner health with
/// the transaction size limit the gateway learned, the ledger's status (head, last checkpoint, a verification run from
/// the page), and the inbound updates with their flags; every view and action a ledger entry. Screenshots in
/// <c>console-screenshots/</c>.
/// </summary>
public sealed class ConsoleStatusBrowserTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Partners:0:Inbound:Mode"] = "Subscription";
        settings["Partners:0:Inbound:Types:0"] = "Observation";
        settings["Partners:0:Inbound:NotificationToken"] = "notification-token-0123456789";
        settings["Partners:0:Inbound:PollInterval"] = "01:00:00";
    }

    [ChromiumFact]
    public async Task An_auditor_sees_learned_limits_the_ledger_status_and_inbound_updates_and_verifies_the_ledger()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        var services = Gateway.App.Services;
        await services.GetRequiredService<IPartnerStateStore>().LearnLimitAsync(GatewayFixture.PartnerId, 7, "The transaction has more than 7 entries, the most this server accepts", None);
        await services.GetRequiredService<LedgerCheckpoints>().WriteAsync(None);
        await services.GetRequiredService<IInboundStore>().CommitInboundAsync(new InboundCommit(
        [
            Update("obs-1", "p1", valid: true, outcome: null),
            Update("obs-2", null, valid: false, outcome: """{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invariant","details":{"text":"Observation.status is missing"},"expression":["Observation"]}]}"""),
        ]), None);
        var site = Gateway.Http.BaseAddress!;

        await using var browser = await Chromium.StartAsync();
        await ConsoleSignIn.SignInAsync(browser, site, GatewayFixture.ApiKey);

        await browser.ClickAndWaitAsync("a[href='/console/status']");
        var status = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(ConsoleSignIn.Shots, "5-partners-and-ledger.png"));
        Assert.Contains("7 entries", status, StringComparison.Ordinal);
        Assert.Contains("the most this server accepts", status, StringComparison.Ordinal);
        Assert.Contains("signature holds", status, StringComparison.Ordinal);
        Assert.Contains("never from the console", status, StringComparison.Ordinal);

        await browser.ClickAndWaitAsync("form[action='/console/status/verify'] button");
        var verified = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(ConsoleSignIn.Shots, "6-ledger-verified.png"));
        Assert.Contains("verified (intact,", verified, StringComparison.Ordinal);
        Assert.Contains("signed checkpoints agree", verified, StringComparison.Ordinal);

        await browser.ClickAndWaitAsync("a[href='/console/inbound']");
        var inbound = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(ConsoleSignIn.Shots, "7-inbound-updates.png"));
        Assert.Contains("Observation/obs-1/_history/1", inbound, StringComparison.Ordinal);
        Assert.Contains("unmatched-patient", inbound, StringComparison.Ordinal);
        Assert.Contains("Observation.status is missing", inbound, StringComparison.Ordinal);
        Assert.Contains("re-query pending", inbound, StringComparison.Ordinal);

        var store = Gateway.Store;
        var session = (await store.TraceAsync("console", null, None)).Select(e => e.Draft.Detail).ToList();
        Assert.Contains("signed in by api-key-0 (operator)", session);
        Assert.Contains("inbound updates viewed from #1 by api-key-0 (operator)", session);
        var verification = Assert.Single(await store.TraceAsync("console:ledger-verify", null, None));
        Assert.StartsWith("verified (intact,", verification.Draft.Detail, StringComparison.Ordinal);
        Assert.EndsWith("by api-key-0 (operator)", verification.Draft.Detail, StringComparison.Ordinal);
    }

    private static InboundItem Update(string id, string? patient, bool valid, string? outcome) => new(
        GatewayFixture.PartnerId, "Observation", id, "1", Records.Start, patient, valid, outcome, InboundVia.Notification,
        Encoding.UTF8.GetBytes($$$"""{"resourceType":"Observation","id":"{{{id}}}","meta":{"versionId":"1"}}"""));
}
