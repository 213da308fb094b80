namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>The SQLite schema. Times are Unix milliseconds (INTEGER) except the ledger's, which is the hashed ISO text.</summary>
internal static class SqliteSchema
{
    public const string Create = $"""
        CREATE TABLE IF NOT EXISTS records(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          record_key TEXT NOT NULL UNIQUE,
          record_id TEXT NOT NULL,
          version INTEGER NOT NULL,
          kind TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          recorded_at TEXT NOT NULL,
          receipt_id TEXT NOT NULL UNIQUE,
          payload BLOB NOT NULL,
          payload_hash TEXT NOT NULL,
          source TEXT NOT NULL,
          received_at INTEGER NOT NULL,
          state TEXT NOT NULL,
          lease_owner TEXT,
          lease_until INTEGER,
          parked_step TEXT,
          outcome TEXT,
          mapper_version TEXT,
          updated_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS records_state ON records(state, seq);
        CREATE INDEX IF NOT EXISTS records_patient ON records(patient_id, seq);
        CREATE INDEX IF NOT EXISTS records_waiting ON records(patient_id, seq) WHERE state = '{RecordStates.Waiting}';
        CREATE INDEX IF NOT EXISTS records_id ON records(record_id);
        CREATE INDEX IF NOT EXISTS records_received ON records(received_at);
        CREATE INDEX IF NOT EXISTS records_kind ON records(kind, seq);

        CREATE TABLE IF NOT EXISTS resources(
          record_key TEXT NOT NULL,
          ordinal INTEGER NOT NULL,
          resource_type TEXT NOT NULL,
          resource_id TEXT NOT NULL,
          profile TEXT NOT NULL,
          identifier_system TEXT NOT NULL,
          identifier_value TEXT NOT NULL,
          json BLOB NOT NULL,
          PRIMARY KEY(record_key, ordinal));
        CREATE INDEX IF NOT EXISTS resources_identifier ON resources(resource_type, identifier_system, identifier_value);

        CREATE TABLE IF NOT EXISTS deliveries(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          record_key TEXT NOT NULL,
          record_seq INTEGER NOT NULL,
          patient_id TEXT NOT NULL,
          partner_id TEXT NOT NULL,
          status TEXT NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at INTEGER NOT NULL,
          lease_owner TEXT,
          lease_until INTEGER,
          solo INTEGER NOT NULL DEFAULT 0,
          hold_reason TEXT,
          last_status TEXT,
          last_error TEXT,
          outcome TEXT,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          UNIQUE(record_key, partner_id));
        CREATE INDEX IF NOT EXISTS deliveries_queue ON deliveries(partner_id, status, record_seq);
        CREATE INDEX IF NOT EXISTS deliveries_status ON deliveries(status, record_seq);
        CREATE INDEX IF NOT EXISTS deliveries_open ON deliveries(partner_id, record_seq) WHERE status IN ('{DeliveryStates.Pending}', '{DeliveryStates.Leased}', '{DeliveryStates.Held}');

        CREATE TABLE IF NOT EXISTS consents(
          patient_id TEXT NOT NULL,
          org_system TEXT NOT NULL,
          org_value TEXT NOT NULL,
          active INTEGER NOT NULL,
          start_at INTEGER,
          end_at INTEGER,
          record_key TEXT NOT NULL,
          recorded_at INTEGER NOT NULL,
          PRIMARY KEY(patient_id, org_system, org_value));

        CREATE TABLE IF NOT EXISTS audit_events(
          id TEXT PRIMARY KEY,
          delivery_id INTEGER NOT NULL,
          record_key TEXT NOT NULL,
          partner_id TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          json BLOB NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_events_record ON audit_events(record_key);

        CREATE TABLE IF NOT EXISTS ledger(
          seq INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          step TEXT NOT NULL,
          record_key TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          partner_id TEXT,
          status TEXT,
          payload_hash TEXT,
          resources TEXT NOT NULL,
          detail TEXT,
          prev_hash TEXT NOT NULL,
          hash TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ledger_record ON ledger(record_key);
        CREATE INDEX IF NOT EXISTS ledger_patient ON ledger(patient_id);
        """;
}
