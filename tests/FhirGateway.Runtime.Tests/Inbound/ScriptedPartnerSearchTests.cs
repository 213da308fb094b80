using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>Searches against a scripted partner (WireMock.Net): paging by next links, links elsewhere, failed searches.</summary>
public sealed class ScriptedPartnerSearchTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private WireMockServer _partner = null!;
    private GatewayFixture? _gateway;

    public Task InitializeAsync()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _partner = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"] });
        return Task.CompletedTask;
    }

    private Uri Base => new(_partner.Url + "/fhir");

    private Task<GatewayFixture> StartGatewayAsync() => GatewayFixture.StartAsync(_folder.Path, Base, s =>
    {
        s["Partners:0:Inbound:Mode"] = "Poll";
        s["Partners:0:Inbound:Types:0"] = "Observation";
        s["Partners:0:Inbound:PollInterval"] = "00:00:00.1";
        s["Partners:0:Inbound:PageSize"] = "1";
    });

    private static string Obs(string id) => new JsonObject
    {
        ["resourceType"] = "Observation", ["id"] = id,
        ["meta"] = new JsonObject { ["versionId"] = "1", ["lastUpdated"] = "2026-12-04T10:00:00Z" },
        ["status"] = "final", ["code"] = new JsonObject { ["text"] = "FVC" },
        ["subject"] = new JsonObject { ["identifier"] = new JsonObject { ["system"] = ClinicIg.Systems.Mrn, ["value"] = "p1" } },
    }.ToJsonString();

    private static string Searchset(string? resource, string? next)
    {
        var bundle = new JsonObject { ["resourceType"] = "Bundle", ["type"] = "searchset" };
        if (next is not null) bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = next });
        bundle["entry"] = resource is null ? new JsonArray()
            : new JsonArray(new JsonObject { ["resource"] = JsonNode.Parse(resource), ["search"] = new JsonObject { ["mode"] = "match" } });
        return bundle.ToJsonString();
    }

    [Fact]
    public async Task Follows_next_links_under_the_partners_base_and_never_a_link_elsewhere()
    {
        _partner.Given(Request.Create().WithPath("/fhir/Observation").UsingGet()).AtPriority(10)
            .RespondWith(Response.Create().WithBody(Searchset(Obs("a"), $"{Base}/Observation?page=2")));
        _partner.Given(Request.Create().WithPath("/fhir/Observation").WithParam("page", "2").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithBody(Searchset(Obs("b"), "http://127.0.0.2:9/fhir/Observation?page=3")));

        _gateway = await StartGatewayAsync();
        var items = await InboundFeed.WaitForAsync(_gateway.Http, 2, "both pages");

        Assert.Equal(["a", "b"], items.Select(i => (string)i["id"]!));
        Assert.All(items, i => Assert.Equal("p1", (string?)i["patient"]));
        Assert.Contains(_partner.LogEntries, e => e.RequestMessage.Query?.ContainsKey("page") == true);
        Assert.DoesNotContain(_partner.LogEntries, e => e.RequestMessage.RawQuery?.Contains("page=3", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_failed_search_leaves_the_cursor_and_the_next_one_takes_everything_in()
    {
        var calls = 0;
        _partner.Given(Request.Create().WithPath("/fhir/Observation").UsingGet())
            .RespondWith(Response.Create().WithCallback(_ => Interlocked.Increment(ref calls) == 1
                ? new WireMock.ResponseMessage { StatusCode = 503 }
                : new WireMock.ResponseMessage { StatusCode = 200, BodyData = new WireMock.Util.BodyData { BodyAsString = Searchset(Obs("a"), null), DetectedBodyType = WireMock.Types.BodyType.String } }));

        _gateway = await StartGatewayAsync();
        var item = Assert.Single(await InboundFeed.WaitForAsync(_gateway.Http, 1, "the search after the outage"));

        Assert.Equal("a", (string)item["id"]!);
        Assert.Contains(_partner.LogEntries, e => e.ResponseMessage.StatusCode is 503);
        var store = _gateway.App.Services.GetRequiredService<IInboundStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        DateTimeOffset? cursor;
        while ((cursor = await store.GetCursorAsync(GatewayFixture.PartnerId, "Observation", CancellationToken.None)) is null && DateTime.UtcNow < deadline)
            await Task.Delay(25); // the cursor moves once the search has read its last page
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture), cursor);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        _partner.Stop();
        _partner.Dispose();
        _folder.Dispose();
    }
}
