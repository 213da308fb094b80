using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace FhirGateway.Load;

/// <summary>Posts programmes with a number of concurrent clients, each posting one programme's records in order, each record to the next gateway instance (round-robin); optionally paced to a total rate.</summary>
internal static class Poster
{
    /// <summary>Returns how many records were refused (not 200/202).</summary>
    public static async Task<int> PostAllAsync(IReadOnlyList<HttpClient> gateways, IReadOnlyList<List<string>> programmes, int clients, double rate, CancellationToken cancellationToken)
    {
        var next = -1;
        var sent = -1L;
        var refused = 0;
        var turn = -1;
        var clock = Stopwatch.StartNew();
        async Task ClientAsync()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < programmes.Count)
                foreach (var record in programmes[index])
                {
                    if (rate > 0)
                    {
                        var due = TimeSpan.FromSeconds(Interlocked.Increment(ref sent) / rate) - clock.Elapsed;
                        if (due > TimeSpan.Zero) await Task.Delay(due, cancellationToken);
                    }
                    using var content = new StringContent(record, Encoding.UTF8);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    var http = gateways[(int)((uint)Interlocked.Increment(ref turn) % (uint)gateways.Count)];
                    using var response = await http.PostAsync(new Uri("/records", UriKind.Relative), content, cancellationToken);
                    if ((int)response.StatusCode is not (200 or 202)) Interlocked.Increment(ref refused);
                }
        }
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(ClientAsync, cancellationToken)));
        return refused;
    }
}
