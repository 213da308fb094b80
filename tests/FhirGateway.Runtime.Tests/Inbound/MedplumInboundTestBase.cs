using System.Text.Json.Nodes;
using FhirGateway.Runtime.Tests.Support;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Inbound;

/// <summary>The Medplum partner, a temp data folder and a gateway following the partner (Poll or Subscription) per test.</summary>
public abstract class MedplumInboundTestBase : IAsyncLifetime
{
    public const string NotificationToken = "notify-token-0123456789abcdef";

    protected TempFolder Folder { get; } = new();
    protected MedplumPartner Partner { get; private set; } = null!;
    protected HttpClient PartnerHttp { get; private set; } = null!;
    protected GatewayFixture Gateway { get; set; } = null!;

    protected abstract string Mode { get; }

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
        settings["Partners:0:Inbound:Mode"] = Mode;
        settings["Partners:0:Inbound:PollInterval"] = "00:00:00.2";
        settings["Partners:0:Inbound:PageSize"] = "10";
        settings["Partners:0:Inbound:NotificationToken"] = NotificationToken;
        settings["Inbound:OutboxPollInterval"] = "00:00:00.1";
    }

    public async Task InitializeAsync()
    {
        if (MedplumPartner.Unavailable is not null) return;
        Partner = await MedplumPartner.StartAsync();
        PartnerHttp = new HttpClient { BaseAddress = Partner.BaseUrl };
        Gateway = await StartGatewayAsync();
    }

    protected Task<GatewayFixture> StartGatewayAsync() => GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, Configure);

    protected string Outbox => Path.Combine(Folder.Path, "outbox");

    /// <summary>A Patient at the partner with the clinic MRN; returns its reference (<c>Patient/id</c>).</summary>
    protected async Task<string> PatientAtPartnerAsync(string mrn) => "Patient/" + (string)(await InboundFeed.CreateAsync(PartnerHttp, InboundFeed.Patient(mrn)))["id"]!;

    protected Task<JsonObject> ObservationAtPartnerAsync(string patient, int n, string? identifierSystem = null) =>
        InboundFeed.CreateAsync(PartnerHttp, InboundFeed.Observation(patient, n, identifierSystem));

    public async Task DisposeAsync()
    {
        if (Gateway is not null) await Gateway.DisposeAsync();
        PartnerHttp?.Dispose();
        if (Partner is not null) await Partner.DisposeAsync();
        Folder.Dispose();
    }
}
