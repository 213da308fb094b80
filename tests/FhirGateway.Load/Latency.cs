using System.Globalization;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Load;

/// <summary>Per record, from the ledger: <c>received</c> (stored at intake) to the first <c>partner-response</c> that delivered it.</summary>
internal static class Latency
{
    public static async Task<List<double>> FromLedgerAsync(ILedgerStore store, CancellationToken cancellationToken)
    {
        var received = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var latencies = new List<double>();
        await foreach (var e in store.ReadLedgerAsync(cancellationToken))
        {
            var at = DateTimeOffset.Parse(e.At, CultureInfo.InvariantCulture);
            if (e.Step == LedgerSteps.Received) received[e.RecordKey] = at;
            else if (e.Step == LedgerSteps.PartnerResponse && e.Draft.Detail == LedgerSteps.DeliveredDetail && received.Remove(e.RecordKey, out var start))
                latencies.Add((at - start).TotalMilliseconds);
        }
        latencies.Sort();
        return latencies;
    }

    public static string Describe(List<double> sorted)
    {
        if (sorted.Count == 0) return "latency: no delivered record";
        double P(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return $"latency received → partner-response (ms, {sorted.Count} records): p50 {P(0.50):F0}, p90 {P(0.90):F0}, p99 {P(0.99):F0}, max {sorted[^1]:F0}";
    }
}
