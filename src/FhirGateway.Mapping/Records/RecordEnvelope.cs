namespace FhirGateway.Mapping.Records;

/// <summary>
/// What every internal record carries, whatever its kind: <c>recordId</c>, <c>version</c> (1, 2, … for corrections),
/// <c>kind</c>, <c>patient.id</c> (the clinic's internal patient id, never a name) and <c>recordedAt</c>. The runtime
/// keys intake, de-duplication, ordering and the ledger on it; the mappers read the rest of the record.
/// </summary>
public sealed record RecordEnvelope(string RecordId, int Version, string Kind, string PatientId, DateTimeOffset RecordedAt)
{
    /// <summary>The key that recognises a repeat delivery of the same record: <c>recordId@version</c>.</summary>
    public string Key => $"{RecordId}@{Version}";

    public override string ToString() => $"{Kind} {Key}";
}
