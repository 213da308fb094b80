using System.Text.Json;
using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>
/// A gateway event for the notifications topic, read from one ledger entry: <c>delivered</c>, <c>parked</c>,
/// <c>held</c>, <c>released</c> or <c>inbound-update</c>. It carries the record key, the partner, the status and the
/// ledger sequence number, never patient data or the entry's detail. The message id is derived from the ledger
/// sequence number, so a topic with duplicate detection drops a repeat after a crash.
/// </summary>
public sealed record GatewayEvent(string Event, long LedgerSeq, string At, string RecordKey, string? PartnerId, string? Status)
{
    public const string ReceivedFromPartnerStep = Inbound.InboundLedger.ReceivedFromPartner;

    /// <summary>The event an entry announces, or null for steps that are not announced (received, mapped, sent…).</summary>
    public static GatewayEvent? From(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var name = entry.Step switch
        {
            LedgerSteps.PartnerResponse when entry.Draft.Detail == LedgerSteps.DeliveredDetail => "delivered",
            LedgerSteps.Parked => "parked",
            LedgerSteps.Held => "held",
            LedgerSteps.Released => "released",
            ReceivedFromPartnerStep => "inbound-update",
            _ => null,
        };
        return name is null ? null : new GatewayEvent(name, entry.Seq, entry.At, entry.RecordKey, entry.Draft.PartnerId, entry.Draft.Status);
    }

    public string MessageId => $"fhirgw-ledger-{LedgerSeq}";

    public ServiceBusMessage ToMessage()
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["event"] = Event, ["recordKey"] = RecordKey, ["partner"] = PartnerId, ["status"] = Status, ["ledgerSeq"] = LedgerSeq, ["at"] = At,
        });
        var message = new ServiceBusMessage(body) { MessageId = MessageId, Subject = Event, ContentType = "application/json", CorrelationId = RecordKey };
        message.ApplicationProperties["event"] = Event;
        message.ApplicationProperties["recordKey"] = RecordKey;
        if (PartnerId is not null) message.ApplicationProperties["partner"] = PartnerId;
        if (Status is not null) message.ApplicationProperties["outcome"] = Status;
        message.ApplicationProperties["ledgerSeq"] = LedgerSeq;
        return message;
    }
}
