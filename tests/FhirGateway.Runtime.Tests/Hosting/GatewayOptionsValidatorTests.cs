using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Tests.Hosting;

public sealed class GatewayOptionsValidatorTests
{
    private static IReadOnlyList<string> Failures(GatewayOptions options) =>
        new GatewayOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    private static PartnerOptions Partner(string id = "hosp") => new() { Id = id, Organization = "urn:oid:1.2|hosp", BaseUrl = "https://ehr.example.org/fhir" };

    [Fact]
    public void The_defaults_with_a_well_formed_partner_are_valid() =>
        Assert.Empty(Failures(new GatewayOptions { Partners = [Partner()] }));

    [Fact]
    public void Each_bad_setting_is_named_by_key_and_environment_variable()
    {
        var options = new GatewayOptions { Partners = [Partner(), Bad(Partner())] };
        options.Delivery.MaxAttempts = 0;

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("Partners:1:Id (FHIRGW_PARTNERS__1__ID): 'hosp' is used by another partner", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:1:BaseUrl (FHIRGW_PARTNERS__1__BASEURL)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:1:BatchSize (FHIRGW_PARTNERS__1__BATCHSIZE)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:1:RecordKinds (FHIRGW_PARTNERS__1__RECORDKINDS): 'x-ray'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:1:Auth:Token (FHIRGW_PARTNERS__1__AUTH__TOKEN)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Delivery:MaxAttempts (FHIRGW_DELIVERY__MAXATTEMPTS)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_delivery_lease_must_outlast_a_partners_attempts()
    {
        var options = new GatewayOptions { Partners = [Partner()] };
        options.Partners[0].Timeout = TimeSpan.FromMinutes(2);
        options.Delivery.InlineRetries = 2;
        options.Delivery.Lease = TimeSpan.FromMinutes(5);

        Assert.Contains(Failures(options), f => f.StartsWith("Delivery:Lease (FHIRGW_DELIVERY__LEASE): must be longer", StringComparison.Ordinal));
    }

    [Fact]
    public void Durations_must_be_positive()
    {
        var options = new GatewayOptions();
        options.Pipeline.Lease = TimeSpan.Zero;

        Assert.Contains(Failures(options), f => f.StartsWith("Pipeline:Lease (FHIRGW_PIPELINE__LEASE): must be a positive duration", StringComparison.Ordinal));
    }

    /// <summary>A partner with a bad URL, batch size, record kind and bearer without token.</summary>
    private static PartnerOptions Bad(PartnerOptions p)
    {
        p.BaseUrl = "ehr.example.org";
        p.BatchSize = 0;
        p.RecordKinds = ["x-ray"];
        p.Auth = new PartnerAuthOptions { Mode = PartnerAuthMode.Bearer };
        return p;
    }

    [Fact]
    public void The_Service_Bus_edge_is_off_by_default_and_needs_a_way_to_authenticate_and_something_to_do_when_on()
    {
        Assert.False(new GatewayOptions().ServiceBus.Enabled);
        var options = new GatewayOptions { Partners = [Partner()] };
        options.ServiceBus.Enabled = true;
        options.ServiceBus.FullyQualifiedNamespace = "not a host";

        var failures = Failures(options);

        Assert.Contains(failures, f => f.StartsWith("ServiceBus:FullyQualifiedNamespace (FHIRGW_SERVICEBUS__FULLYQUALIFIEDNAMESPACE)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("ServiceBus:IntakeQueue (FHIRGW_SERVICEBUS__INTAKEQUEUE)", StringComparison.Ordinal));
        options.ServiceBus.FullyQualifiedNamespace = "clinic.servicebus.windows.net";
        options.ServiceBus.IntakeQueue = "records";
        Assert.Empty(Failures(options));
    }
}
