using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Tests.Inbound;

public sealed class InboundOptionsTests
{
    private static IReadOnlyList<string> Failures(Action<PartnerInboundOptions> change, Action<InboundOptions>? gateway = null)
    {
        var partner = new PartnerOptions { Id = "hosp", Organization = "urn:oid:1.2|hosp", BaseUrl = "https://ehr.example.org/fhir" };
        change(partner.Inbound);
        var options = new GatewayOptions { Partners = [partner] };
        gateway?.Invoke(options.Inbound);
        return new GatewayOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];
    }

    [Fact]
    public void Polling_the_default_types_with_the_default_settings_is_valid()
    {
        Assert.Empty(Failures(i => i.Mode = InboundMode.Poll));
        Assert.Equal(["Observation", "Condition", "MedicationStatement", "MedicationRequest", "CarePlan", "AdverseEvent"], new PartnerInboundOptions().EffectiveTypes);
    }

    [Fact]
    public void Types_must_be_concrete_R4_resource_types_each_listed_once()
    {
        var failures = Failures(i =>
        {
            i.Mode = InboundMode.Poll;
            i.Types = ["Observation", "Observation", "Obsrvation", "DomainResource", "HumanName"];
        });

        Assert.Contains(failures, f => f.StartsWith("Partners:0:Inbound:Types (FHIRGW_PARTNERS__0__INBOUND__TYPES): 'Obsrvation' is not an R4 resource type", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'DomainResource' is not an R4 resource type", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("'HumanName' is not an R4 resource type", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("lists a type twice", StringComparison.Ordinal));
    }

    [Fact]
    public void Subscription_needs_a_notification_token_of_at_least_16_characters()
    {
        Assert.Contains(Failures(i => i.Mode = InboundMode.Subscription), f => f.StartsWith("Partners:0:Inbound:NotificationToken", StringComparison.Ordinal));
        Assert.Contains(Failures(i => (i.Mode, i.NotificationToken) = (InboundMode.Subscription, "short")), f => f.StartsWith("Partners:0:Inbound:NotificationToken", StringComparison.Ordinal));
        Assert.Empty(Failures(i => (i.Mode, i.NotificationToken) = (InboundMode.Subscription, "0123456789abcdef")));
    }

    [Fact]
    public void Durations_and_sizes_out_of_range_are_named()
    {
        var failures = Failures(i => (i.Mode, i.PollInterval, i.PollOverlap, i.PageSize) = (InboundMode.Poll, TimeSpan.Zero, TimeSpan.FromHours(2), 0),
            g => (g.OutboxPollInterval, g.FeedPageSize) = (TimeSpan.Zero, 0));

        Assert.Contains(failures, f => f.StartsWith("Partners:0:Inbound:PollInterval", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:0:Inbound:PollOverlap", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:0:Inbound:PageSize", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:OutboxPollInterval (FHIRGW_INBOUND__OUTBOXPOLLINTERVAL)", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Inbound:FeedPageSize", StringComparison.Ordinal));
    }
}
