using FhirGateway.Mapping;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Pipeline;

/// <summary>
/// The consent gate: a patient's data goes to a partner only while a consent to share with that partner's
/// organisation is on record and in force. Without one, the delivery is held with reason <c>no-consent</c>.
/// </summary>
public static class ConsentGate
{
    public static bool Allows(IEnumerable<ConsentRecord> consents, BusinessIdentifier partnerOrganization, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(consents);
        return consents.Any(c => c.Directive.PartnerOrganization == partnerOrganization && c.Directive.IsInForce(at));
    }

    /// <summary>The consents on record with a newly mapped one laid over them (the latest record per organisation wins).</summary>
    public static IReadOnlyList<ConsentRecord> With(IReadOnlyList<ConsentRecord> onRecord, ConsentRecord? incoming)
    {
        ArgumentNullException.ThrowIfNull(onRecord);
        if (incoming is null) return onRecord;
        var kept = onRecord.Where(c => c.Directive.PartnerOrganization != incoming.Directive.PartnerOrganization || c.RecordedAt > incoming.RecordedAt).ToList();
        if (!kept.Any(c => c.Directive.PartnerOrganization == incoming.Directive.PartnerOrganization)) kept.Add(incoming);
        return kept;
    }
}
