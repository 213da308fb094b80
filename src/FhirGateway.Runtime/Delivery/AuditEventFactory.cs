using System.Buffers;
using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Delivery;

/// <summary>One delivered (or refused) entry of a record as the AuditEvent names it.</summary>
public sealed record AuditedEntry(TransactionEntry Entry, EntryResponse? Response);

/// <summary>
/// Writes the FHIR R4 AuditEvent of one record's delivery to one partner: a RESTful <c>transaction</c> (action E)
/// from the gateway (source role) to the partner organisation (destination role), its outcome, and one entity per
/// resource (the partner's location when it gave one, else the business identifier).
/// </summary>
public static class AuditEventFactory
{
    public const string RecordIdentifierSystem = "urn:fhirgateway:record";

    public static StoredAuditEvent Create(Partner partner, ClaimedDelivery delivery, IReadOnlyList<AuditedEntry> entries, bool success, string? outcomeText, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(partner);
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(entries);
        var id = Guid.CreateVersion7(at).ToString("N");
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, FhirJsonWriter.Options(false)))
        {
            w.WriteStartObject();
            w.WriteString("resourceType", "AuditEvent");
            w.WriteString("id", id);
            WriteCoding(w, "type", "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation");
            w.WriteStartArray("subtype");
            WriteCoding(w, null, "http://hl7.org/fhir/restful-interaction", "transaction", "transaction");
            w.WriteEndArray();
            w.WriteString("action", "E");
            w.WriteString("recorded", LedgerTime.Format(at));
            w.WriteString("outcome", success ? "0" : "4");
            if (outcomeText is not null) w.WriteString("outcomeDesc", outcomeText);
            w.WriteStartArray("agent");
            WriteAgent(w, "110153", "Source Role ID", requestor: true, who: null, display: "FhirGateway", address: null);
            WriteAgent(w, "110152", "Destination Role ID", requestor: false, who: partner.Organization, display: partner.Name, address: partner.BaseUri.Host);
            w.WriteEndArray();
            w.WriteStartObject("source");
            w.WriteString("site", "FhirGateway");
            w.WriteStartObject("observer");
            w.WriteString("display", "FhirGateway");
            w.WriteEndObject();
            w.WriteStartArray("type");
            WriteCoding(w, null, "http://terminology.hl7.org/CodeSystem/security-source-type", "4", "Application Server");
            w.WriteEndArray();
            w.WriteEndObject();
            WriteEntities(w, partner, delivery, entries);
            w.WriteEndObject();
        }
        return new StoredAuditEvent(id, delivery.RecordKey, partner.Id, buffer.WrittenMemory.ToArray());
    }

    private static void WriteEntities(Utf8JsonWriter w, Partner partner, ClaimedDelivery delivery, IReadOnlyList<AuditedEntry> entries)
    {
        w.WriteStartArray("entity");
        w.WriteStartObject();
        w.WriteStartObject("what");
        WriteIdentifier(w, new BusinessIdentifier(RecordIdentifierSystem, delivery.RecordKey));
        w.WriteEndObject();
        WriteCoding(w, "type", "http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");
        WriteCoding(w, "role", "http://terminology.hl7.org/CodeSystem/object-role", "20", "Job");
        w.WriteString("name", delivery.Record.Envelope.Kind);
        w.WriteEndObject();
        foreach (var (entry, response) in entries)
        {
            var patient = entry.ResourceType == "Patient";
            w.WriteStartObject();
            w.WriteStartObject("what");
            if (response?.Location is { Length: > 0 } location) w.WriteString("reference", new Uri(partner.BaseUri, location).ToString());
            else WriteIdentifier(w, entry.Identifier);
            w.WriteString("type", entry.ResourceType);
            w.WriteEndObject();
            WriteCoding(w, "type", "http://terminology.hl7.org/CodeSystem/audit-entity-type", patient ? "1" : "2", patient ? "Person" : "System Object");
            WriteCoding(w, "role", "http://terminology.hl7.org/CodeSystem/object-role", patient ? "1" : "4", patient ? "Patient" : "Domain Resource");
            if (response is not null) w.WriteString("description", response.StatusText);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteAgent(Utf8JsonWriter w, string role, string roleDisplay, bool requestor, BusinessIdentifier? who, string display, string? address)
    {
        w.WriteStartObject();
        w.WriteStartObject("type");
        w.WriteStartArray("coding");
        WriteCoding(w, null, "http://dicom.nema.org/resources/ontology/DCM", role, roleDisplay);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("who");
        if (who is { } identifier) WriteIdentifier(w, identifier);
        w.WriteString("display", display);
        w.WriteEndObject();
        w.WriteBoolean("requestor", requestor);
        if (address is not null)
        {
            w.WriteStartObject("network");
            w.WriteString("address", address);
            w.WriteString("type", "1");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteIdentifier(Utf8JsonWriter w, BusinessIdentifier identifier)
    {
        w.WriteStartObject("identifier");
        w.WriteString("system", identifier.System);
        w.WriteString("value", identifier.Value);
        w.WriteEndObject();
    }

    private static void WriteCoding(Utf8JsonWriter w, string? name, string system, string code, string display)
    {
        if (name is null) w.WriteStartObject();
        else w.WriteStartObject(name);
        w.WriteString("system", system);
        w.WriteString("code", code);
        w.WriteString("display", display);
        w.WriteEndObject();
    }
}
