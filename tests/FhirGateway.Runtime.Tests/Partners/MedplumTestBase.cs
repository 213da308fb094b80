using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

/// <summary>A fresh, empty Medplum partner per test (none where it cannot start: its tests skip).</summary>
public abstract class MedplumTestBase : IAsyncLifetime
{
    protected MedplumPartner Partner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (MedplumPartner.Unavailable is null) Partner = await MedplumPartner.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (Partner is not null) await Partner.DisposeAsync();
    }
}
