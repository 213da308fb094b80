namespace FhirGateway.Runtime.Hosting;

/// <summary>Wakes idle workers early when there is work (a record stored, a record routed); otherwise they poll.</summary>
public sealed class WorkSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes every worker waiting now.</summary>
    public void Pulse() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for a pulse or the poll interval, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(pollInterval, cancellationToken);
        }
        catch (TimeoutException)
        {
            // poll
        }
    }
}

/// <summary>The gateway's signals, one per worker kind.</summary>
public sealed class WorkSignals
{
    public WorkSignal Pipeline { get; } = new();
    public WorkSignal Delivery { get; } = new();
}
