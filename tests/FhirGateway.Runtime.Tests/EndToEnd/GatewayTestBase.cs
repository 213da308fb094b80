using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary>A partner stub, a temp data folder and a running gateway per test.</summary>
public abstract class GatewayTestBase : IAsyncLifetime
{
    protected TempFolder Folder { get; } = new();
    protected PartnerStub Partner { get; private set; } = null!;
    protected GatewayFixture Gateway { get; set; } = null!;
    protected static readonly CancellationToken None = CancellationToken.None;

    /// <summary>Changes to the gateway's settings for this test class.</summary>
    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    public virtual async Task InitializeAsync()
    {
        Partner = await PartnerStub.StartAsync();
        Gateway = await StartGatewayAsync();
    }

    protected Task<GatewayFixture> StartGatewayAsync(Microsoft.Extensions.Time.Testing.FakeTimeProvider? time = null, FakeRecordMapper? mapper = null) =>
        GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, Configure, time, mapper);

    public virtual async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Partner.DisposeAsync();
        Folder.Dispose();
    }

    protected Task ConsentAsync(string patient, string recordId = "consent-1", bool active = true, int version = 1) =>
        Gateway.SubmitAsync(Records.Consent(recordId, patient, GatewayFixture.PartnerOrg, active, version));
}
