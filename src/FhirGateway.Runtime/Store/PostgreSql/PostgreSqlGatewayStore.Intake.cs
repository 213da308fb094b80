using System.Globalization;
using FhirGateway.Runtime.Ledger;

namespace FhirGateway.Runtime.Store.PostgreSql;

public sealed partial class PostgreSqlGatewayStore
{
    /// <summary>
    /// Takes the ledger lock first: intakes of all instances are serialised, so a record's number follows the order in
    /// which intakes commit (a reader that sees a record sees every record numbered before it) and a repeat sent to two
    /// instances at once is recognised, never stored twice.
    /// </summary>
    public Task<IntakeReceipt> AcceptAsync(RecordSubmission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var envelope = submission.Envelope;
        var payloadHash = CanonicalJson.Hash(submission.Payload);
        return WriteAsync(async (c, tx) =>
        {
            await LockLedgerAsync(c, tx, cancellationToken);
            await using (var find = Command(c, tx, "SELECT receipt_id, payload_hash, received_at FROM records WHERE record_key = @key", ("@key", envelope.Key)))
            await using (var r = await find.ExecuteReaderAsync(cancellationToken))
                if (await r.ReadAsync(cancellationToken))
                {
                    var status = r.GetString(1) == payloadHash ? IntakeStatus.Duplicate : IntakeStatus.Conflict;
                    return new IntakeReceipt(r.GetString(0), envelope.Key, status, DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)));
                }
            var now = _time.GetUtcNow();
            var receipt = "rcpt-" + Guid.CreateVersion7(now).ToString("N");
            await ExecuteAsync(c, tx, """
                INSERT INTO records(record_key, record_id, version, kind, patient_id, recorded_at, receipt_id, payload, payload_hash,
                                    source, received_at, state, updated_at)
                VALUES(@key, @id, @version, @kind, @patient, @recordedAt, @receipt, @payload, @hash, @source, @now, @state, @now)
                """, cancellationToken,
                ("@key", envelope.Key), ("@id", envelope.RecordId), ("@version", envelope.Version), ("@kind", envelope.Kind),
                ("@patient", envelope.PatientId), ("@recordedAt", envelope.RecordedAt.ToString("O", CultureInfo.InvariantCulture)),
                ("@receipt", receipt), ("@payload", submission.Payload.ToArray()), ("@hash", payloadHash), ("@source", submission.Source),
                ("@now", now.ToUnixTimeMilliseconds()), ("@state", RecordStates.Waiting));
            await AppendLedgerAsync(c, tx, [new LedgerDraft(LedgerSteps.Received, envelope.Key, envelope.PatientId)
            {
                PayloadHash = payloadHash,
                Detail = $"{envelope.Kind} via {submission.Source}, receipt {receipt}",
            }], cancellationToken);
            return new IntakeReceipt(receipt, envelope.Key, IntakeStatus.Accepted, now);
        }, cancellationToken);
    }
}
