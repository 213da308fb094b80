using FhirGateway.Fhir.Issues;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FhirGateway.Runtime.Tests.EndToEnd;

public sealed class WorkerFailureTests : GatewayTestBase
{
    /// <summary>Breaks the pipeline outside the guarded mapping and validation calls for one record: it answers null.</summary>
    private sealed class NullForOneRecord(string recordKey) : IRecordValidator
    {
        public IReadOnlyList<Issue> Validate(MappedRecord record) => record.Envelope.Key == recordKey ? null! : [];
    }

    private sealed class FailingWorker : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken); // after the host has started
            throw new InvalidOperationException("worker bug");
        }
    }

    [Fact]
    public async Task A_record_whose_processing_throws_is_parked_with_the_reason_and_ledgered_and_the_next_goes_on()
    {
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, Configure,
            services: s => s.AddSingleton<IRecordValidator>(new NullForOneRecord("bad@1")));
        await ConsentAsync("p1");
        await Gateway.SubmitAsync(Records.Bytes("bad", "p1"));
        await Gateway.SubmitAsync(Records.Bytes("good", "p1"));

        await Gateway.WaitForAsync(s => s.RecordsParked == 1 && s.DeliveriesDelivered == 2, "the bad record parked, the others delivered");

        var parked = Assert.Single(await Gateway.Store.ListParkedAsync(None));
        Assert.Equal("bad@1", parked.RecordKey);
        Assert.Contains(IssueCatalogue.GatewayPipelineFailed.Id, parked.OperationOutcome, StringComparison.Ordinal);
        Assert.Contains(await Gateway.Store.TraceAsync("bad", null, None), e => e.Step == LedgerSteps.Parked);
    }

    [Fact]
    public async Task A_worker_that_fails_stops_the_host_and_is_named_so_the_command_cannot_exit_0()
    {
        await Gateway.DisposeAsync();
        Gateway = await GatewayFixture.StartAsync(Folder.Path, Partner.BaseUrl, Configure, services: s => s.AddHostedService<FailingWorker>());
        var stopping = Gateway.App.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;

        await Task.Delay(TimeSpan.FromSeconds(30), stopping).ContinueWith(_ => { }, TaskScheduler.Default);

        Assert.True(stopping.IsCancellationRequested, "the host did not stop");
        Assert.Equal(["FailingWorker (InvalidOperationException)"], GatewayHost.FaultedWorkers(Gateway.App.Services));
    }
}
