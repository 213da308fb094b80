using System.Diagnostics.Metrics;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.Hosting;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// The gauge <c>fhirgw.deliveries.queue</c>: deliveries per partner and state (pending, leased, held, parked,
/// delivered), read from the store every two seconds, so a scrape never waits on the database.
/// </summary>
public sealed class QueueDepthGauge : BackgroundService
{
    /// <summary>How often the counts are read: wall-clock, like the workers' polls.</summary>
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(2);
    private readonly IRecordQueries _store;
    private volatile IReadOnlyList<PartnerQueue> _snapshot = [];

    public QueueDepthGauge(IRecordQueries store, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _store = store;
        meters.Create(GatewayMetrics.MeterName).CreateObservableGauge("fhirgw.deliveries.queue", Observe, "{delivery}", "Deliveries per partner and state.");
    }

    private IEnumerable<Measurement<long>> Observe() =>
        _snapshot.SelectMany(q => q.ByStatus.Select(s => new Measurement<long>(s.Value, new("partner", q.PartnerId), new("state", s.Key))));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    _snapshot = await _store.PartnerQueuesAsync(stoppingToken);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
                {
                    // the store is not ready yet (or briefly busy): the next turn reads again
                }
                await Task.Delay(Refresh, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }
}
