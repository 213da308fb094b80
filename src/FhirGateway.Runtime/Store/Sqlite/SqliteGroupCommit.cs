using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace FhirGateway.Runtime.Store.Sqlite;

/// <summary>
/// The store's one writer, with group commit: write operations queue up, and one writer at a time (per store object)
/// takes every operation waiting (up to <see cref="MaxGroup"/>) and runs them in one IMMEDIATE transaction, each inside
/// its own savepoint, so that one operation's failure undoes only its own changes. A caller's task completes only
/// after the COMMIT that made its change durable (or with the failure of that COMMIT): nothing is acknowledged before
/// it is on disk. Under load many callers share one COMMIT (one WAL sync with synchronous FULL); alone, an operation
/// costs what it did before. Operations run one after another in queue order, so each sees the changes of those
/// before it (the ledger chain continues across them). Other processes sharing the file still serialise on SQLite's
/// write lock.
/// </summary>
internal sealed class SqliteGroupCommit(Func<CancellationToken, Task<SqliteConnection>> open)
{
    /// <summary>The most operations one transaction carries.</summary>
    public const int MaxGroup = 64;

    private readonly ConcurrentQueue<IQueuedWrite> _queue = new();
    private int _draining;
    private long _commits;
    private long _writes;

    /// <summary>Transactions committed so far, and the write operations they carried (how well the writes were grouped).</summary>
    public (long Commits, long Writes) Counts => (Interlocked.Read(ref _commits), Interlocked.Read(ref _writes));

    /// <summary>Queues <paramref name="work"/>; the task completes with its result after its transaction committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new QueuedWrite<T>(work, cancellationToken);
        _queue.Enqueue(write);
        if (Interlocked.CompareExchange(ref _draining, 1, 0) == 0) _ = Task.Run(DrainAsync, CancellationToken.None);
        return write.Task;
    }

    /// <summary>Commits groups until the queue is empty. Never throws: every failure goes to the callers it concerns.</summary>
    private async Task DrainAsync()
    {
        while (true)
        {
            var group = new List<IQueuedWrite>(Math.Min(_queue.Count, MaxGroup));
            while (group.Count < MaxGroup && _queue.TryDequeue(out var next)) group.Add(next);
            if (group.Count > 0)
            {
                await CommitAsync(group);
                continue;
            }
            Volatile.Write(ref _draining, 0);
            // an operation queued after the last TryDequeue but before the flag was cleared: take over again
            if (_queue.IsEmpty || Interlocked.CompareExchange(ref _draining, 1, 0) != 0) return;
        }
    }

    private async Task CommitAsync(List<IQueuedWrite> group)
    {
        var done = new List<IQueuedWrite>(group.Count);
        try
        {
            await using var c = await open(CancellationToken.None);
            await using var tx = c.BeginTransaction(IsolationLevel.Serializable, deferred: false);
            foreach (var write in group)
            {
                if (write.Cancelled)
                {
                    write.Cancel();
                    continue;
                }
                await tx.SaveAsync("w", CancellationToken.None);
                try
                {
                    await write.RunAsync(c, tx);
                    await tx.ReleaseAsync("w", CancellationToken.None);
                    done.Add(write);
                }
                catch (Exception e)
                {
                    await tx.RollbackAsync("w", CancellationToken.None);
                    await tx.ReleaseAsync("w", CancellationToken.None);
                    write.Fail(e);
                }
            }
            await tx.CommitAsync(CancellationToken.None);
            Interlocked.Increment(ref _commits);
            Interlocked.Add(ref _writes, done.Count);
        }
        catch (Exception e)
        {
            // nothing of this group is durable: every caller not yet answered gets the failure
            foreach (var write in group) write.Fail(e);
            return;
        }
        foreach (var write in done) write.Complete();
    }

    private interface IQueuedWrite
    {
        bool Cancelled { get; }
        Task RunAsync(SqliteConnection c, SqliteTransaction tx);
        void Complete();
        void Fail(Exception failure);
        void Cancel();
    }

    private sealed class QueuedWrite<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken cancellationToken) : IQueuedWrite
    {
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T _result = default!;

        public Task<T> Task => _done.Task;

        public bool Cancelled => cancellationToken.IsCancellationRequested;

        public async Task RunAsync(SqliteConnection c, SqliteTransaction tx) => _result = await work(c, tx);

        public void Complete() => _done.TrySetResult(_result);

        public void Fail(Exception failure)
        {
            if (failure is OperationCanceledException && cancellationToken.IsCancellationRequested) _done.TrySetCanceled(cancellationToken);
            else _done.TrySetException(failure);
        }

        public void Cancel() => _done.TrySetCanceled(cancellationToken);
    }
}
