using System.Text.Json;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Partners;
using FhirGateway.Testing.Partners;

namespace FhirGateway.Runtime.Tests.Inbound;

public sealed class InboundCapabilityCheckTests
{
    private static Partner Partner(InboundMode mode, params string[] types) => new(new PartnerOptions
    {
        Id = "hosp", Organization = "urn:oid:1.2|hosp", BaseUrl = "http://127.0.0.1:1/fhir",
        Inbound = new PartnerInboundOptions { Mode = mode, Types = [.. types], NotificationToken = "0123456789abcdef" },
    });

    private static IReadOnlyList<InboundFinding> Check(Partner partner, string statement)
    {
        using var doc = JsonDocument.Parse(statement);
        return InboundCapabilityCheck.Evaluate(partner, doc.RootElement);
    }

    private const string Statement = """
        {"resourceType":"CapabilityStatement","fhirVersion":"4.0.1","rest":[{"mode":"server","resource":[
          {"type":"Observation","interaction":[{"code":"search-type"}],"searchParam":[{"name":"_lastUpdated","type":"date"}]},
          {"type":"Condition","interaction":[{"code":"read"}]},
          {"type":"CarePlan","interaction":[{"code":"search-type"}]}]}]}
        """;

    [Fact]
    public void A_type_not_listed_or_not_searchable_blocks_its_inbound_and_an_undeclared_lastUpdated_is_worked_around()
    {
        var findings = Check(Partner(InboundMode.Poll, "Observation", "Condition", "CarePlan", "AdverseEvent"), Statement);

        Assert.DoesNotContain(findings, f => f.Text.Contains("Observation", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Blocks && f.Text.Contains("no search-type interaction on Condition", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Blocks && f.Text.Contains("AdverseEvent is not among its resources", StringComparison.Ordinal));
        Assert.Contains(findings, f => !f.Blocks && f.Text.Contains("_lastUpdated is not declared for CarePlan", StringComparison.Ordinal));
    }

    [Fact]
    public void Subscription_mode_needs_the_Subscription_resource_and_None_needs_nothing()
    {
        Assert.Contains(Check(Partner(InboundMode.Subscription, "Observation"), Statement), f => f.Blocks && f.Text.Contains("Subscription is not among", StringComparison.Ordinal));
        Assert.Empty(Check(Partner(InboundMode.None), Statement));
        Assert.Equal("inbound: Poll of Observation: ok", InboundCapabilityCheck.Summary(Partner(InboundMode.Poll, "Observation"), []));
    }

    [MedplumFact]
    public async Task The_Medplum_partner_has_what_polling_and_subscriptions_need_for_every_default_type()
    {
        await using var medplum = await MedplumPartner.StartAsync();
        using var http = new HttpClient { BaseAddress = medplum.BaseUrl };
        var statement = await http.GetStringAsync("metadata");

        Assert.Empty(Check(Partner(InboundMode.Poll), statement));
        Assert.Empty(Check(Partner(InboundMode.Subscription), statement));
    }
}
