using System.Text;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using FhirGateway.Runtime.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>A real store of one engine, empty, with a fake clock; the store contract tests run against each engine's subclass.</summary>
public abstract class StoreFixture<TStore> : IAsyncLifetime
    where TStore : class, IGatewayStore, IInboundStore, IPartnerStateStore, IStoredResourceReader
{
    public FakeTimeProvider Time { get; } = new(Records.Start);
    /// <summary>The ledger key the store signs with (none: unkeyed).</summary>
    public LedgerKeyRing Keys { get; init; } = LedgerKeyRing.None;
    public TStore Store { get; private set; } = null!;

    /// <summary>A new store over this fixture's (empty) database, as another process would open it.</summary>
    public abstract TStore Open(TimeProvider time, LedgerKeyRing keys);

    protected virtual Task PrepareAsync() => Task.CompletedTask;

    public async Task InitializeAsync()
    {
        await PrepareAsync();
        Store = Open(Time, Keys);
        await Store.InitializeAsync(CancellationToken.None);
    }

    public abstract Task DisposeAsync();

    public Task<IntakeReceipt> AcceptAsync(string recordId, string patientId, int version = 1) =>
        Store.AcceptAsync(new RecordSubmission(Records.Envelope(recordId, patientId, version), Records.Bytes(recordId, patientId, version), "test"), CancellationToken.None);

    /// <summary>Accepts, claims and routes a record to the given partners (pending).</summary>
    public async Task RouteAsync(string recordId, string patientId, params string[] partners)
    {
        await AcceptAsync(recordId, patientId);
        var claimed = await Store.ClaimRecordAsync("pipeline", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.NotNull(claimed);
        Assert.True(await Store.RouteRecordAsync(Routing(claimed, partners), "pipeline", [new LedgerDraft(LedgerSteps.Mapped, claimed.Envelope.Key, claimed.Envelope.PatientId)],
            CancellationToken.None));
    }

    /// <summary>A routing of a claimed record: one Observation, pending for the given partners.</summary>
    public static RecordRouting Routing(ClaimedRecord claimed, params string[] partners)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var id = claimed.Envelope.RecordId;
        var mapped = new MappedRecord(claimed.Envelope, [new MappedResource("Observation", id, "http://example.org/p",
            new BusinessIdentifier("urn:test", id), Encoding.UTF8.GetBytes($$"""{"resourceType":"Observation","id":"{{id}}"}"""))]);
        return new RecordRouting(mapped, "test-1", partners.Select(p => new PlannedDelivery(p, null)).ToList());
    }
}

/// <summary>A real SQLite store in a temp folder with a fake clock.</summary>
public sealed class StoreFixture : StoreFixture<SqliteGatewayStore>
{
    private readonly TempFolder _folder = new();

    public string DatabasePath => _folder.File(SqliteGatewayStore.FileName);

    public override SqliteGatewayStore Open(TimeProvider time, LedgerKeyRing keys) => new(DatabasePath, time, keys);

    public override Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
