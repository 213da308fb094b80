namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>The SQLite tables of <see cref="IPartnerStateStore"/>: learned limits and delivered versions per partner.</summary>
internal static class SqlitePartnerSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS partner_limits(
          partner_id TEXT PRIMARY KEY,
          max_entries INTEGER NOT NULL,
          learned_at INTEGER NOT NULL,
          detail TEXT NOT NULL);

        CREATE TABLE IF NOT EXISTS delivered_versions(
          partner_id TEXT NOT NULL,
          resource_type TEXT NOT NULL,
          identifier_system TEXT NOT NULL,
          identifier_value TEXT NOT NULL,
          stamp TEXT NOT NULL,
          recorded_at INTEGER NOT NULL,
          record_version INTEGER NOT NULL,
          location TEXT,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY(partner_id, resource_type, identifier_system, identifier_value));
        """;
}
