using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Runtime.Hosting;

/// <summary>Checks the inbound settings: one partner's <c>Partners:N:Inbound:…</c> and the gateway's <c>Inbound:…</c>.</summary>
internal static class InboundOptionsValidator
{
    public static void ValidatePartner(PartnerInboundOptions inbound, string at, Action<string, string> fail)
    {
        at += "Inbound:";
        if (!Enum.IsDefined(inbound.Mode)) fail(at + "Mode", $"must be None, Poll or Subscription, found {inbound.Mode}");
        foreach (var type in inbound.Types.Where(t => !IsResourceType(t)))
            fail(at + "Types", $"'{type}' is not an R4 resource type");
        if (inbound.Types.Distinct(StringComparer.Ordinal).Count() != inbound.Types.Count) fail(at + "Types", "lists a type twice");
        if (inbound.Mode == InboundMode.None) return;
        if (inbound.PollInterval <= TimeSpan.Zero) fail(at + "PollInterval", $"must be a positive duration (hh:mm:ss), found {inbound.PollInterval}");
        if (inbound.PollOverlap < TimeSpan.Zero || inbound.PollOverlap > TimeSpan.FromHours(1))
            fail(at + "PollOverlap", $"must be between 00:00:00 and 01:00:00, found {inbound.PollOverlap}");
        if (inbound.PageSize is < 1 or > 1000) fail(at + "PageSize", $"must be between 1 and 1000, found {inbound.PageSize}");
        if (inbound.Mode == InboundMode.Subscription && (inbound.NotificationToken is null || inbound.NotificationToken.Trim().Length < 16))
            fail(at + "NotificationToken", "must be given for Mode Subscription (at least 16 characters): the partner's notifications carry it as a bearer token");
    }

    public static void ValidateGateway(InboundOptions inbound, Action<string, string> fail)
    {
        if (inbound.OutboxPollInterval <= TimeSpan.Zero)
            fail("Inbound:OutboxPollInterval", $"must be a positive duration (hh:mm:ss), found {inbound.OutboxPollInterval}");
        if (inbound.FeedPageSize is < 1 or > 10000) fail("Inbound:FeedPageSize", $"must be between 1 and 10000, found {inbound.FeedPageSize}");
    }

    /// <summary>A concrete R4 resource type, by its core StructureDefinition.</summary>
    public static bool IsResourceType(string? type) =>
        !string.IsNullOrWhiteSpace(type)
        && CoreDefinitions.R4.FindStructureDefinition("http://hl7.org/fhir/StructureDefinition/" + type) is { Kind: "resource", Abstract: false } sd
        && sd.Type == type;
}
