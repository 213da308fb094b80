using FhirGateway.Runtime.Store.Migrations;

namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>
/// The SQLite schema as numbered migrations (see <see cref="SchemaMigrations"/>). Version 1 is the schema as it stood
/// before versions were kept, written with <c>IF NOT EXISTS</c>, so a data folder made before then is recorded at
/// version 1 unchanged. A later change is a new step appended here, never an edit of an applied one.
/// </summary>
internal static class SqliteMigrations
{
    public static readonly IReadOnlyList<SchemaMigration> All =
    [
        new(1, "records, deliveries, ledger, inbound, partner state (baseline)", SqliteSchema.Create + SqliteInboundSchema.Create + SqlitePartnerSchema.Create),
        // the claim indexes came after the baseline: a database recorded at version 1 before them gets them here
        new(2, "partial indexes of the claims (waiting records per patient, open deliveries per partner)", $"""
            CREATE INDEX IF NOT EXISTS records_waiting ON records(patient_id, seq) WHERE state = '{RecordStates.Waiting}';
            CREATE INDEX IF NOT EXISTS deliveries_open ON deliveries(partner_id, record_seq) WHERE status IN ('{DeliveryStates.Pending}', '{DeliveryStates.Leased}', '{DeliveryStates.Held}');
            """),
    ];
}
