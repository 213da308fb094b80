using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Operations;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace FhirGateway.Runtime.Tests.EndToEnd;

/// <summary>
/// The logs never carry patient details from the record's content; with <c>Logging:RecordKeys=Hashed</c> they carry
/// nothing of the record id either (which a sender may have built from a name), only its keyed hash.
/// </summary>
public sealed class LogPrivacyTests : IAsyncLifetime
{
    private const string RecordId = "REC-Ada-Quill-19610412";
    private readonly TempFolder _folder = new();
    private PartnerStub _partner = null!;

    public async Task InitializeAsync() => _partner = await PartnerStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _partner.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData(RecordKeyLogging.Plain)]
    [InlineData(RecordKeyLogging.Hashed)]
    public async Task The_logs_name_no_patient_detail_and_hashed_record_keys_hide_the_record_id(RecordKeyLogging mode)
    {
        string shown;
        await using (var gateway = await GatewayFixture.StartAsync(_folder.Path, _partner.BaseUrl, s => s["Logging:RecordKeys"] = mode.ToString()))
        {
            await gateway.SubmitAsync(Records.Consent("consent-1", "p1", GatewayFixture.PartnerOrg));
            await gateway.SubmitAsync(Records.Bytes(RecordId, "p1"));
            await gateway.WaitForAsync(s => s.DeliveriesDelivered == 2, "both records delivered");
            shown = gateway.App.Services.GetRequiredService<LogRecordKeys>().Show(RecordId + "@1");
        }

        var log = await File.ReadAllTextAsync(GatewayHost.LogFile(_folder.Path));
        foreach (var detail in new[] { "Ada Quill", "1961-04-12" }) Assert.DoesNotContain(detail, log, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(shown, log, StringComparison.Ordinal);
        if (mode == RecordKeyLogging.Hashed)
        {
            Assert.Matches("^rk-[0-9a-f]{16}$", shown);
            Assert.DoesNotContain("Ada-Quill", log, StringComparison.Ordinal);
        }
        else Assert.Equal(RecordId + "@1", shown);
    }
}
