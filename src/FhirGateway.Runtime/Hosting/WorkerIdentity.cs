namespace FhirGateway.Runtime.Hosting;

/// <summary>This process's name as a lease owner: machine, process id and a random part, so restarts never reuse it.</summary>
public sealed class WorkerIdentity
{
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";
}
