using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class ClientCredentialsTests : GatewayTestBase
{
    private Uri? _tokenUrl;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _tokenUrl = Partner.TokenUrl;
        await Gateway.DisposeAsync();
        Gateway = await StartGatewayAsync();
    }

    protected override void Configure(Dictionary<string, string?> settings)
    {
        if (_tokenUrl is null) return;
        settings["Partners:0:Auth:Mode"] = "ClientCredentials";
        settings["Partners:0:Auth:TokenEndpoint"] = _tokenUrl.ToString();
        settings["Partners:0:Auth:ClientId"] = "gateway";
        settings["Partners:0:Auth:ClientSecret"] = "s3cret";
    }

    [Fact]
    public async Task Deliveries_carry_a_token_from_the_token_endpoint_fetched_once_and_cached()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "the consent");
        await Gateway.SubmitAsync(Records.Bytes("r1", "p1"));
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "deliveries");

        // Every request (two deliveries, and any retry a slow machine causes) carries the one token fetched.
        Assert.Equal(1, Partner.TokenRequests);
        var authorizations = Partner.Authorizations.ToArray();
        Assert.True(authorizations.Length >= 2, $"expected at least two delivery requests, saw {authorizations.Length}");
        Assert.All(authorizations, a => Assert.Equal("Bearer tok-1", a));
    }
}

public sealed class BearerTokenTests : GatewayTestBase
{
    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Partners:0:Auth:Mode"] = "Bearer";
        settings["Partners:0:Auth:Token"] = "static-partner-token";
    }

    [Fact]
    public async Task Deliveries_carry_the_configured_bearer_token()
    {
        await ConsentAsync("p1");
        await Gateway.WaitForAsync(s => s.DeliveriesDelivered == 1, "the consent");

        Assert.Equal(["Bearer static-partner-token"], Partner.Authorizations.ToArray());
        Assert.Equal(0, Partner.TokenRequests);
    }
}
