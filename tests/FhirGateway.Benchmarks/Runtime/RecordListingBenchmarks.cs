using BenchmarkDotNet.Attributes;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.Sqlite;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Benchmarks.Runtime;

/// <summary>
/// Record listings over a store of 1,000,000 ledger entries (200,000 records, five entries each, two partners; 1% parked
/// at a partner, 1% held): the first page, a page deep in the history (keyset cursor), and each filter of the console.
/// The store is made once in the temp folder and reused by later runs.
/// Run: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --filter '*RecordListing*' --job short
/// </summary>
[MemoryDiagnoser]
public class RecordListingBenchmarks
{
    private const int Records = 200_000;
    private const int LedgerPerRecord = 5;
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "fhirgw-bench-listing-v1");
    private SqliteGatewayStore _store = null!;

    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteGatewayStore(SqliteGatewayStore.PathIn(Folder), TimeProvider.System);
        _store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        using var c = new SqliteConnection($"Data Source={SqliteGatewayStore.PathIn(Folder)}");
        c.Open();
        using (var count = c.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM ledger";
            if ((long)count.ExecuteScalar()! >= Records * LedgerPerRecord) return;
        }
        Seed(c);
    }

    private static void Seed(SqliteConnection c)
    {
        using var tx = c.BeginTransaction();
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        using var record = Insert(c, tx, "INSERT INTO records(record_key, record_id, version, kind, patient_id, recorded_at, receipt_id, payload, payload_hash, source, received_at, state, updated_at) VALUES($k, $id, 1, $kind, $p, '2026-01-01T00:00:00Z', $r, X'7B7D', 'h', 'http', $at, 'routed', $at)",
            "$k", "$id", "$kind", "$p", "$r", "$at");
        using var delivery = Insert(c, tx, "INSERT INTO deliveries(record_key, record_seq, patient_id, partner_id, status, attempts, next_attempt_at, hold_reason, created_at, updated_at) VALUES($k, $seq, $p, $partner, $status, 1, $at, $reason, $at, $at)",
            "$k", "$seq", "$p", "$partner", "$status", "$at", "$reason");
        using var ledger = Insert(c, tx, "INSERT INTO ledger(seq, at, step, record_key, patient_id, resources, prev_hash, hash) VALUES($seq, '2026-01-01T00:00:00.000Z', $step, $k, $p, '', 'x', 'y')",
            "$seq", "$step", "$k", "$p");
        string[] kinds = ["assessment", "biomarker-panel", "infusion", "care-plan-update", "product-release", "consent"];
        string[] steps = ["received", "mapped", "validated", "sent", "partner-response"];
        long ledgerSeq = 0;
        for (var i = 1; i <= Records; i++)
        {
            var key = $"rec-{i}@1";
            var patient = $"pat-{i % 5000}";
            var at = start + i * 1000L;
            Run(record, key, $"rec-{i}", kinds[i % kinds.Length], patient, $"rcpt-{i}", at);
            var other = i % 100 == 7 ? "parked" : i % 100 == 42 ? "held" : "delivered";
            Run(delivery, key, i, patient, "hosp-a", "delivered", at, null);
            Run(delivery, key, i, patient, "hosp-b", other, at, other == "held" ? "no-consent" : null);
            foreach (var step in steps) Run(ledger, ++ledgerSeq, step, key, patient);
        }
        tx.Commit();
        // fold the seed into the database file: a store in use is checkpointed as it goes, not left with a 200 MB WAL
        using var checkpoint = c.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        checkpoint.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var n in names) cmd.Parameters.Add(new SqliteParameter(n, null));
        return cmd;
    }

    private static void Run(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        cmd.ExecuteNonQuery();
    }

    private Task<RecordPage> List(RecordQuery query) => _store.ListRecordsAsync(query, CancellationToken.None);

    [Benchmark(Baseline = true)]
    public Task<RecordPage> Newest_page() => List(new RecordQuery());

    [Benchmark]
    public Task<RecordPage> Page_deep_in_the_history() => List(new RecordQuery { Before = 1_000 });

    [Benchmark]
    public Task<RecordPage> Parked_first_page() => List(new RecordQuery { State = ListedStates.Parked });

    [Benchmark]
    public Task<RecordPage> Parked_deep_page() => List(new RecordQuery { State = ListedStates.Parked, Before = 5_000 });

    [Benchmark]
    public Task<RecordPage> Held_for_a_partner() => List(new RecordQuery { State = ListedStates.Held, PartnerId = "hosp-b" });

    [Benchmark]
    public Task<RecordPage> Delivered() => List(new RecordQuery { State = ListedStates.Delivered });

    [Benchmark]
    public Task<RecordPage> One_patient() => List(new RecordQuery { PatientId = "pat-17" });

    [Benchmark]
    public Task<RecordPage> A_day_long_ago() => List(new RecordQuery
    {
        Since = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero),
        Until = new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
    });
}
