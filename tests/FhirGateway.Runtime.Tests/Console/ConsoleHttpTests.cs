using System.Net;
using FhirGateway.Runtime.Tests.EndToEnd;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Console;

/// <summary>The console over plain HTTP: who may see and do what, and what its pages and cookies promise.</summary>
public sealed class ConsoleHttpTests : GatewayTestBase
{
    private const string AuditorKey = "auditor-key-0123456789";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Intake:Keys:0:Name"] = "audrey";
        settings["Intake:Keys:0:Key"] = AuditorKey;
        settings["Intake:Keys:0:Role"] = "auditor";
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        var response = await Gateway.Http.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.InternalServerError)
            Assert.Fail(await File.ReadAllTextAsync(Path.Combine(Folder.Path, "logs", "gateway.jsonl")));
        return response;
    }

    [Fact]
    public async Task The_console_sends_a_stranger_to_the_sign_in_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway.Http.BaseAddress };
        using var response = await client.GetAsync("/console/records");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/console/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var page = await SendAsync(HttpMethod.Get, "/console/sign-in", null);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("name=\"__af\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_header_opens_the_records_list_and_an_auditor_may_not_replay()
    {
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        using var list = await SendAsync(HttpMethod.Get, "/console/records", AuditorKey);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("r1@1", await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var page = await SendAsync(HttpMethod.Get, "/console/records/r1%401", AuditorKey);
        Assert.DoesNotContain("/replay", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var replay = await SendAsync(HttpMethod.Post, "/console/records/r1%401/replay", AuditorKey, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.Forbidden, replay.StatusCode);
        var trace = await Gateway.Store.TraceAsync("r1@1", null, None);
        Assert.Contains(trace, e => e.Step == "console" && e.Draft.Detail == "viewed by audrey (auditor)");
    }

    [Fact]
    public async Task An_operator_releases_a_held_record_which_is_ledgered_and_held_again_without_consent()
    {
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "r1 held: no consent");
        using var page = await SendAsync(HttpMethod.Get, "/console/records/r1%401", GatewayFixture.ApiKey);
        Assert.Contains("Release this patient&#x27;s held records for this partner", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var refused = await SendAsync(HttpMethod.Post, "/console/records/r1%401/release", AuditorKey, new FormUrlEncodedContent([new("partner", GatewayFixture.PartnerId)]));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var released = await SendAsync(HttpMethod.Post, "/console/records/r1%401/release", GatewayFixture.ApiKey, new FormUrlEncodedContent([new("partner", GatewayFixture.PartnerId)]));

        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        Assert.Equal("/console/records/r1%401", released.RequestMessage!.RequestUri!.AbsolutePath); // back on the record's page
        var trace = await Gateway.Store.TraceAsync("r1@1", null, None);
        Assert.Contains(trace, e => e.Step == "released" && e.Draft.Detail!.StartsWith("released in the console by api-key-0 (operator)", StringComparison.Ordinal));
        await Gateway.WaitForAsync(s => s.DeliveriesHeld == 1, "held again: the consent gate ran again");
        Assert.Equal(2, (await Gateway.Store.TraceAsync("r1@1", null, None)).Count(e => e.Step == "held"));
    }

    [Fact]
    public async Task An_auditor_key_may_read_records_but_not_send_them()
    {
        using var send = new HttpRequestMessage(HttpMethod.Post, "/records") { Content = new ByteArrayContent(Records.Bytes("r1", "p1")) };
        send.Content.Headers.ContentType = new("application/json");
        send.Headers.Add("X-Api-Key", AuditorKey);
        using var refused = await Gateway.Http.SendAsync(send);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        using var listed = await SendAsync(HttpMethod.Get, "/records?state=waiting", AuditorKey);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }

    [Fact]
    public async Task Signing_in_sets_a_secure_http_only_strict_cookie_and_needs_the_antiforgery_token()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = Gateway.Http.BaseAddress };
        using var forged = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent([new("key", GatewayFixture.ApiKey)]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);

        var form = await client.GetStringAsync("/console/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__af\" value=\"([^\"]+)\"").Groups[1].Value;
        using var signedIn = await client.PostAsync("/console/sign-in", new FormUrlEncodedContent([new("key", GatewayFixture.ApiKey), new("__af", token)]));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("fhirgw.console=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
