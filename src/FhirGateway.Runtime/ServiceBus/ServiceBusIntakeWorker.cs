using Azure.Messaging.ServiceBus;
using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>
/// Receives records from <c>ServiceBus:IntakeQueue</c> in PeekLock mode, never auto-completing: each message is
/// settled by <see cref="QueueRecordIntake"/> once the record is durable. On a session-enabled queue one message of a
/// session (a patient) is handled at a time, in order; locks are renewed while a record is stored. A failure on one
/// message is logged and the message redelivered; the worker goes on.
/// </summary>
public sealed class ServiceBusIntakeWorker(IServiceProvider services, IOptions<GatewayOptions> options, WorkerIdentity identity,
    ILogger<ServiceBusIntakeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value.ServiceBus;
        if (!o.Enabled || string.IsNullOrWhiteSpace(o.IntakeQueue)) return;
        var client = services.GetRequiredService<ServiceBusClient>();
        var intake = services.GetRequiredService<QueueRecordIntake>();
        if (o.Sessions)
        {
            await using var processor = client.CreateSessionProcessor(o.IntakeQueue, SessionOptions(o, identity.Owner));
            processor.ProcessMessageAsync += args => intake.HandleAsync(args.Message, args.SessionId, new SessionMessageSettlement(args), args.CancellationToken);
            processor.ProcessErrorAsync += OnErrorAsync;
            await RunAsync(processor.StartProcessingAsync, processor.StopProcessingAsync, o, stoppingToken);
        }
        else
        {
            await using var processor = client.CreateProcessor(o.IntakeQueue, QueueOptions(o, identity.Owner));
            processor.ProcessMessageAsync += args => intake.HandleAsync(args.Message, null, new QueueMessageSettlement(args), args.CancellationToken);
            processor.ProcessErrorAsync += OnErrorAsync;
            await RunAsync(processor.StartProcessingAsync, processor.StopProcessingAsync, o, stoppingToken);
        }
    }

    /// <summary>PeekLock, settled by the gateway, one call per session (per-patient order), locks renewed.</summary>
    public static ServiceBusSessionProcessorOptions SessionOptions(ServiceBusOptions o, string identifier) => new()
    {
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
        AutoCompleteMessages = false,
        MaxConcurrentSessions = o.MaxConcurrentSessions,
        MaxConcurrentCallsPerSession = 1,
        MaxAutoLockRenewalDuration = o.MaxAutoLockRenewal,
        PrefetchCount = o.PrefetchCount,
        Identifier = identifier,
    };

    public static ServiceBusProcessorOptions QueueOptions(ServiceBusOptions o, string identifier) => new()
    {
        ReceiveMode = ServiceBusReceiveMode.PeekLock,
        AutoCompleteMessages = false,
        MaxConcurrentCalls = 1,
        MaxAutoLockRenewalDuration = o.MaxAutoLockRenewal,
        PrefetchCount = o.PrefetchCount,
        Identifier = identifier,
    };

    private async Task RunAsync(Func<CancellationToken, Task> start, Func<CancellationToken, Task> stop, ServiceBusOptions o, CancellationToken stoppingToken)
    {
        await start(stoppingToken);
        ServiceBusLog.IntakeStarted(logger, o.IntakeQueue!, o.Sessions);
        try
        {
            await Task.Delay(Timeout.Infinite, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: let messages in hand finish, settle nothing new
        }
        await stop(CancellationToken.None);
    }

    private Task OnErrorAsync(ProcessErrorEventArgs args)
    {
        ServiceBusLog.ProcessingFailed(logger, args.ErrorSource.ToString(), args.EntityPath ?? "", args.Exception.GetType().Name);
        return Task.CompletedTask;
    }
}
