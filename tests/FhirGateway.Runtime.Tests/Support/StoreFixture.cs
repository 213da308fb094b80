using System.Text;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>A real SQLite store in a temp folder with a fake clock.</summary>
public sealed class StoreFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public FakeTimeProvider Time { get; } = new(Records.Start);
    /// <summary>The ledger key the store signs with (none: unkeyed).</summary>
    public LedgerKeyRing Keys { get; init; } = LedgerKeyRing.None;
    public SqliteGatewayStore Store { get; private set; } = null!;
    public string DatabasePath => _folder.File(SqliteGatewayStore.FileName);

    public async Task InitializeAsync()
    {
        Store = new SqliteGatewayStore(DatabasePath, Time, Keys);
        await Store.InitializeAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    public Task<IntakeReceipt> AcceptAsync(string recordId, string patientId, int version = 1) =>
        Store.AcceptAsync(new RecordSubmission(Records.Envelope(recordId, patientId, version), Records.Bytes(recordId, patientId, version), "test"), CancellationToken.None);

    /// <summary>Accepts, claims and routes a record to the given partners (pending).</summary>
    public async Task RouteAsync(string recordId, string patientId, params string[] partners)
    {
        await AcceptAsync(recordId, patientId);
        var claimed = await Store.ClaimRecordAsync("pipeline", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(claimed);
        var mapped = new MappedRecord(claimed.Envelope, [new MappedResource("Observation", recordId, "http://example.org/p",
            new BusinessIdentifier("urn:test", recordId), Encoding.UTF8.GetBytes($$"""{"resourceType":"Observation","id":"{{recordId}}"}"""))]);
        Assert.True(await Store.RouteRecordAsync(new RecordRouting(mapped, "test-1", partners.Select(p => new PlannedDelivery(p, null)).ToList()),
            "pipeline", [new LedgerDraft(LedgerSteps.Mapped, claimed.Envelope.Key, patientId)], CancellationToken.None));
    }
}
