using FhirGateway.Runtime.Tests.EndToEnd;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Console;

/// <summary>
/// The operator console in a real browser (headless Debian chromium over the DevTools protocol) against the real gateway:
/// sign in, filter to parked, open the record, replay it, see it delivered. A screenshot of each page is kept in the
/// test output folder (<c>console-screenshots/</c>).
/// </summary>
public sealed class ConsoleBrowserTests : GatewayTestBase
{
    private static readonly string Shots = ConsoleSignIn.Shots;

    [ChromiumFact]
    public async Task An_operator_signs_in_filters_to_parked_replays_the_record_and_sees_it_delivered()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "consent delivered");
        Partner.Faults.Enqueue(new StubFault(Status: 422, Body: PartnerStub.Outcome("Observation.code is not in the hospital's lab catalogue")));
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesParked == 1, "r1 parked");
        await Gateway.SubmitAsync(Records.Bytes("r2", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesParked == 1 && s.DeliveriesDelivered == 2, "one parked, the other delivered");
        var site = Gateway.Http.BaseAddress!;

        await using var browser = await Chromium.StartAsync();
        await ConsoleSignIn.SignInAsync(browser, site, GatewayFixture.ApiKey, "1-sign-in.png");
        Assert.Contains("Records", await browser.TextAsync(), StringComparison.Ordinal);

        await browser.EvalAsync("document.getElementById('filter-state').value = 'parked'");
        await browser.ClickAndWaitAsync("#apply-filters");
        var listed = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(Shots, "2-parked-records.png"));
        Assert.Contains("r1@1", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("r2@1", listed, StringComparison.Ordinal);
        Assert.Contains("not in the hospital's lab catalogue", listed, StringComparison.Ordinal);
        Assert.DoesNotContain("p1", (await browser.EvalAsync("location.href"))!.GetValue<string>(), StringComparison.Ordinal);

        await browser.ClickAndWaitAsync("a[href='/console/records/r1%401']");
        var record = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(Shots, "3-parked-record.png"));
        Assert.Contains("hosp-a refused it", record, StringComparison.Ordinal);
        Assert.Contains("business-rule", record, StringComparison.Ordinal);

        await browser.ClickAndWaitAsync("form[action$='/replay'] button");
        for (var i = 0; i < 100 && !(await browser.TextAsync()).Contains("State: delivered", StringComparison.Ordinal); i++)
        {
            await Task.Delay(200);
            await browser.GoAsync(new Uri(site, "/console/records/r1%401"));
        }
        var delivered = await browser.TextAsync();
        await browser.ScreenshotAsync(Path.Combine(Shots, "4-replayed-and-delivered.png"));
        Assert.Contains("State: delivered", delivered, StringComparison.Ordinal);
        var trace = await Gateway.Store.TraceAsync("r1@1", null, None);
        Assert.Contains(trace, e => e.Step == "console" && e.Draft.Detail == "replay requested by api-key-0 (operator)");
        Assert.Contains(trace, e => e.Step == "replayed");
        Assert.True(File.Exists(Path.Combine(Shots, "4-replayed-and-delivered.png")));
    }
}
