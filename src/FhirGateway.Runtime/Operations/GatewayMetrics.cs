using System.Diagnostics.Metrics;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// The gateway's meters (System.Diagnostics.Metrics, exported through OpenTelemetry): records in, delivered,
/// parked, held, retries and delivery latency. Tags carry kinds, partners and outcomes, never patient data.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "FhirGateway";

    private readonly Counter<long> _received;
    private readonly Counter<long> _recordsParked;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _deliveriesParked;
    private readonly Counter<long> _held;
    private readonly Counter<long> _retries;
    private readonly Histogram<double> _latency;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _received = meter.CreateCounter<long>("fhirgw.records.received", "{record}", "Records stored at intake.");
        _recordsParked = meter.CreateCounter<long>("fhirgw.records.parked", "{record}", "Records parked because they could not be mapped or validated.");
        _delivered = meter.CreateCounter<long>("fhirgw.deliveries.delivered", "{record}", "Records a partner accepted.");
        _deliveriesParked = meter.CreateCounter<long>("fhirgw.deliveries.parked", "{record}", "Deliveries parked with the partner's outcome.");
        _held = meter.CreateCounter<long>("fhirgw.deliveries.held", "{record}", "Deliveries held (no consent).");
        _retries = meter.CreateCounter<long>("fhirgw.deliveries.retries", "{attempt}", "Delivery attempts that will be retried.");
        _latency = meter.CreateHistogram<double>("fhirgw.delivery.duration", "s", "Time of one transaction POST to a partner.");
    }

    public void RecordReceived(string kind, string source) => _received.Add(1, new("kind", kind), new("source", source));
    public void RecordParked(string step) => _recordsParked.Add(1, new KeyValuePair<string, object?>("step", step));
    public void Delivered(string partner, int records) => _delivered.Add(records, new KeyValuePair<string, object?>("partner", partner));
    public void DeliveryParked(string partner, int records) => _deliveriesParked.Add(records, new KeyValuePair<string, object?>("partner", partner));
    public void Held(string partner, int records) => _held.Add(records, new KeyValuePair<string, object?>("partner", partner));
    public void Retry(string partner, string reason) => _retries.Add(1, new("partner", partner), new("reason", reason));
    public void DeliveryDuration(string partner, TimeSpan elapsed, string outcome) =>
        _latency.Record(elapsed.TotalSeconds, new("partner", partner), new("outcome", outcome));
}
