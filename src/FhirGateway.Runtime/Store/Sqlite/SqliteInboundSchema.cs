namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>The inbound tables (additive to <see cref="SqliteSchema"/>). Times are Unix milliseconds.</summary>
internal static class SqliteInboundSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS inbound_resources(
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          partner_id TEXT NOT NULL,
          resource_type TEXT NOT NULL,
          resource_id TEXT NOT NULL,
          version_id TEXT NOT NULL,
          last_updated INTEGER,
          patient_id TEXT,
          valid INTEGER NOT NULL,
          outcome TEXT,
          via TEXT NOT NULL,
          json BLOB NOT NULL,
          payload_hash TEXT NOT NULL,
          received_at INTEGER NOT NULL,
          outbox_file TEXT NOT NULL DEFAULT '',
          exported_at INTEGER,
          UNIQUE(partner_id, resource_type, resource_id, version_id));
        CREATE INDEX IF NOT EXISTS inbound_unexported ON inbound_resources(exported_at, seq);

        CREATE TABLE IF NOT EXISTS inbound_cursors(
          partner_id TEXT NOT NULL,
          resource_type TEXT NOT NULL,
          position INTEGER NOT NULL,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY(partner_id, resource_type));

        CREATE TABLE IF NOT EXISTS inbound_subscriptions(
          partner_id TEXT PRIMARY KEY,
          subscription TEXT,
          last_event INTEGER NOT NULL DEFAULT 0,
          recovery_pending INTEGER NOT NULL DEFAULT 0,
          recovery_generation INTEGER NOT NULL DEFAULT 0,
          recovery_reason TEXT,
          updated_at INTEGER NOT NULL);

        CREATE TABLE IF NOT EXISTS partner_written(
          partner_id TEXT NOT NULL,
          resource_type TEXT NOT NULL,
          resource_id TEXT NOT NULL,
          patient_id TEXT NOT NULL,
          ledger_seq INTEGER NOT NULL,
          PRIMARY KEY(partner_id, resource_type, resource_id));

        CREATE TABLE IF NOT EXISTS inbound_meta(
          name TEXT PRIMARY KEY,
          value INTEGER NOT NULL);
        """;
}
