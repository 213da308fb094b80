using System.Text;
using BenchmarkDotNet.Attributes;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Records;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.Sqlite;

namespace FhirGateway.Benchmarks.Runtime;

/// <summary>
/// Storing the pipeline's outcomes of 32 claimed records (six resources each, one delivery, two ledger entries): all
/// in one transaction (<see cref="IPipelineStore.CompleteRecordsAsync"/>), one transaction per record one after another,
/// and one per record all at once (what the group commit gathers). The store is a fresh SQLite file in WAL mode with
/// synchronous FULL, so a COMMIT costs a real sync of the disk the temp folder is on.
/// Run: dotnet run -c Release --project tests/FhirGateway.Benchmarks -- --filter '*PipelineBatch*' --job short (add --inProcess on a
/// busy machine, where building the generated project can run out of time)
/// </summary>
[MemoryDiagnoser]
public class PipelineBatchBenchmarks
{
    private const int Batch = 32;
    private const string Owner = "bench";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "fhirgw-bench-batch-" + Guid.NewGuid().ToString("N")[..8]);
    private SqliteGatewayStore _store = null!;
    private List<RecordOutcome> _outcomes = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _store = new SqliteGatewayStore(SqliteGatewayStore.PathIn(_folder), TimeProvider.System);
        _store.InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A fresh batch of waiting records, claimed, with the outcomes to store.</summary>
    [IterationSetup]
    public void Claim()
    {
        _round++;
        for (var i = 0; i < Batch; i++)
        {
            var envelope = new RecordEnvelope($"r{_round}-{i}", 1, "biomarker-panel", $"p{_round}-{i}", DateTimeOffset.UnixEpoch);
            _store.AcceptAsync(new RecordSubmission(envelope, Encoding.UTF8.GetBytes($$"""{"recordId":"{{envelope.RecordId}}"}"""), "bench"), CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        var claimed = _store.ClaimRecordsAsync(Owner, Batch, TimeSpan.FromMinutes(5), CancellationToken.None).GetAwaiter().GetResult();
        _outcomes = claimed.Select(Routed).ToList();
    }

    [Benchmark(Baseline = true, Description = "one transaction per record, in turn")]
    public async Task OneByOne()
    {
        foreach (var outcome in _outcomes) await _store.CompleteRecordsAsync([outcome], Owner, CancellationToken.None);
    }

    [Benchmark(Description = "one transaction per record, at once (group commit)")]
    public Task AllAtOnce() => Task.WhenAll(_outcomes.Select(o => _store.CompleteRecordsAsync([o], Owner, CancellationToken.None)));

    [Benchmark(Description = "the batch in one transaction")]
    public Task Batched() => _store.CompleteRecordsAsync(_outcomes, Owner, CancellationToken.None);

    private static RecordOutcome Routed(ClaimedRecord claimed)
    {
        var e = claimed.Envelope;
        var resources = Enumerable.Range(0, 6).Select(i => new MappedResource("Observation", $"{e.RecordId}-{i}", "http://example.org/p",
            new BusinessIdentifier("urn:bench", $"{e.RecordId}-{i}"), Encoding.UTF8.GetBytes(new string('x', 600)))).ToList();
        return RecordOutcome.Routed(new RecordRouting(new MappedRecord(e, resources), "bench-1", [new PlannedDelivery("hosp", null)]),
        [
            new LedgerDraft(LedgerSteps.Mapped, e.Key, e.PatientId),
            new LedgerDraft(LedgerSteps.Validated, e.Key, e.PatientId),
        ]);
    }
}
