namespace FhirGateway.Runtime.Inbound;

/// <summary>The ledger's inbound steps (stable: they are hashed into the chain) and the key an inbound resource is traced by.</summary>
public static class InboundLedger
{
    /// <summary>A partner's resource version stored: status <c>valid</c> or <c>invalid</c>, the partner's <c>Type/id/_history/v</c>.</summary>
    public const string ReceivedFromPartner = "received-from-partner";

    /// <summary>The update written to the clinic's outbox (detail: the file).</summary>
    public const string HandedToClinic = "handed-to-clinic";

    /// <summary><c>inbound:{partner}/{Type}/{id}</c>: what <c>fhirgw audit trace --record</c> takes for a partner's resource.</summary>
    public static string RecordKey(string partnerId, string resourceType, string resourceId) => $"inbound:{partnerId}/{resourceType}/{resourceId}";
}
