using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using FhirGateway.Mapping.Ig;
using FhirGateway.Testing.Gateway;
using FhirGateway.Testing.Load;
using FhirGateway.Testing.Partners;
using FhirGateway.Testing.Store;

namespace FhirGateway.Cli.Tests.Gateway;

/// <summary>
/// Three <c>fhirgw run</c> processes share one PostgreSQL database; 1,000 records of generated programmes are posted
/// round-robin across them; one process is killed -9 mid-run and started again. What is proved, from the partner's
/// side: every acknowledged record (200/202) reaches the partner; a record reaches it more than once only when its
/// first delivery was in flight in the killed process (the repeat comes after the kill, after the lease ran out), and
/// every entry the partner ever got is a conditional request, so a repeat is recognised by the partner and creates
/// nothing (exactly-once effect, at-least-once transport); each patient's records arrive in the order they were
/// acknowledged; <c>fhirgw audit verify</c> finds one intact chain; a receipt given by one instance answers on another.
/// </summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private const int Records = 1000;
    private const string ApiKey = "multi-instance-key";
    private readonly TempDirectory _folder = new();
    private readonly List<GatewayProcess> _gateways = [];
    private RecordingPartner? _partner;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var g in _gateways) await g.DisposeAsync();
        if (_partner is not null) await _partner.DisposeAsync();
        _folder.Dispose();
    }

    [PostgreSqlFact]
    public async Task Three_instances_on_one_database_deliver_every_acknowledged_record_in_patient_order_through_a_kill_and_keep_one_ledger()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var cluster = await PostgreSqlCluster.SharedAsync();
        var database = await cluster.CreateDatabaseAsync("multi", ct);
        _partner = await RecordingPartner.StartAsync(ClinicIg.Systems.RecordKey, ct);
        var programmes = Generate(Records);
        var settings = Settings(database, programmes);
        var program = Path.Combine(AppContext.BaseDirectory, "fhirgw.dll");
        _gateways.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(i => GatewayProcess.StartAsync(program, With(settings, i), ct))));

        var posting = new Posting(_gateways);
        var killedAt = DateTimeOffset.MaxValue;
        var post = posting.PostAsync(programmes, clients: 6, ct);
        await posting.WaitForAsync(Records * 2 / 5, ct);
        _gateways[1].Kill();
        killedAt = DateTimeOffset.UtcNow;
        _gateways[1] = await GatewayProcess.StartAsync(program, With(settings, 1), ct);
        await post;

        var acknowledged = posting.Acknowledged;
        Assert.True(acknowledged.Count >= Records - posting.Refused, $"acknowledged {acknowledged.Count}, refused {posting.Refused}");
        await WaitUntilAsync(() => acknowledged.Keys.All(k => Seen().Contains(k)), TimeSpan.FromSeconds(120), () => Missing(acknowledged.Keys), ct);

        var received = _partner.Received;
        Assert.All(received, t => Assert.True(t.AllConditional, "a transaction entry was not a conditional request"));
        var arrivals = received.SelectMany(t => t.RecordKeys.Select(k => (Key: k, t.At))).ToList();
        var repeated = arrivals.GroupBy(a => a.Key).Where(g => g.Count() > 1).ToList();
        Assert.All(repeated, g => Assert.True(g.Skip(1).All(a => a.At > killedAt), $"{g.Key} was delivered again before any process was killed"));
        foreach (var programme in programmes)
        {
            var expected = programme.Select(Key).Where(acknowledged.ContainsKey).ToList();
            var order = Collapse(arrivals.Select(a => a.Key).Where(k => expected.Contains(k)));
            Assert.Equal(expected, order);
        }
        var sample = acknowledged.Values.First(a => a.Instance == 0);
        using (var http = new HttpClient { BaseAddress = _gateways[2].BaseUrl })
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            using var status = await http.GetAsync(new Uri($"/records/{sample.Receipt}", UriKind.Relative), ct);
            Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        }
        var verify = await RunCliAsync(program, ["audit", "verify"], With(settings, 0), ct);
        Assert.True(verify.Exit == 0, verify.Output);
        Console.WriteLine($"multi-instance: {acknowledged.Count} acknowledged, {arrivals.Count} record deliveries in {received.Count} transactions, " +
            $"{repeated.Count} records repeated after the kill; {verify.Output.Trim()}");
    }

    private HashSet<string> Seen() => _partner!.Received.SelectMany(t => t.RecordKeys).ToHashSet(StringComparer.Ordinal);

    private string Missing(IEnumerable<string> keys)
    {
        var seen = Seen();
        var missing = keys.Where(k => !seen.Contains(k)).ToList();
        return $"{missing.Count} acknowledged records never reached the partner, e.g. {string.Join(", ", missing.Take(5))}\n" +
            string.Join("\n---\n", _gateways.Select(g => string.Join('\n', g.Output.Split('\n').TakeLast(15))));
    }

    /// <summary>Consecutive repeats of one key (a redelivery) counted once.</summary>
    private static List<string> Collapse(IEnumerable<string> keys)
    {
        var list = new List<string>();
        foreach (var k in keys)
            if (list.Count == 0 || list[^1] != k) list.Add(k);
        return list;
    }

    private static string Key(string record)
    {
        using var doc = JsonDocument.Parse(record);
        return $"{doc.RootElement.GetProperty("recordId").GetString()}@{doc.RootElement.GetProperty("version").GetInt32()}";
    }

    /// <summary>Distinct programmes from the seed programmes, in order, trimmed to <paramref name="records"/> records.</summary>
    private static List<List<string>> Generate(int records)
    {
        var templates = Programmes.Load(CliRun.Seeds);
        var result = new List<List<string>>();
        for (var n = 0; result.Sum(p => p.Count) < records; n++)
        {
            var programme = Programmes.Make(templates[n % templates.Count], n).ToList();
            result.Add(programme.Take(records - result.Sum(p => p.Count)).ToList());
        }
        return result;
    }

    private Dictionary<string, string> Settings(string database, List<List<string>> programmes)
    {
        var settings = new Dictionary<string, string>
        {
            ["FHIRGW_STORE__PROVIDER"] = "PostgreSql", ["FHIRGW_STORE__CONNECTIONSTRING"] = database,
            ["FHIRGW_INTAKE__APIKEYS__0"] = ApiKey,
            ["FHIRGW_LEDGER__KEY"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
            ["FHIRGW_PIPELINE__POLLINTERVAL"] = "00:00:00.05", ["FHIRGW_DELIVERY__POLLINTERVAL"] = "00:00:00.05",
            ["FHIRGW_PIPELINE__WORKERS"] = "1", ["FHIRGW_PIPELINE__LEASE"] = "00:00:05",
            ["FHIRGW_DELIVERY__LEASE"] = "00:00:05", ["FHIRGW_DELIVERY__INLINERETRIES"] = "0",
        };
        var partners = programmes.SelectMany(p => p).Select(Programmes.PartnerIn).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < partners.Count; i++)
        {
            settings[$"FHIRGW_PARTNERS__{i}__ID"] = partners[i];
            settings[$"FHIRGW_PARTNERS__{i}__ORGANIZATION"] = $"{ClinicIg.Systems.Organization}|{partners[i]}";
            settings[$"FHIRGW_PARTNERS__{i}__BASEURL"] = _partner!.BaseUrl.ToString();
            settings[$"FHIRGW_PARTNERS__{i}__TIMEOUT"] = "00:00:02";
        }
        return settings;
    }

    private Dictionary<string, string> With(Dictionary<string, string> settings, int instance) =>
        new(settings) { ["FHIRGW_DATA"] = Path.Combine(_folder.Path, "instance-" + instance) };

    private static async Task WaitUntilAsync(Func<bool> done, TimeSpan limit, Func<string> describe, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (clock.Elapsed > limit) Assert.Fail(describe());
            await Task.Delay(200, ct);
        }
    }

    private static async Task<(int Exit, string Output)> RunCliAsync(string program, IReadOnlyList<string> args, Dictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(program);
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Posts each programme's records in order (one client a programme at a time), each record to the next instance round-robin; a record an instance cannot take (down, killed) goes to the next.</summary>
    private sealed class Posting(List<GatewayProcess> gateways)
    {
        private readonly ConcurrentDictionary<string, (string Receipt, int Instance)> _acknowledged = new(StringComparer.Ordinal);
        private int _next = -1;
        private int _refused;

        public IReadOnlyDictionary<string, (string Receipt, int Instance)> Acknowledged => _acknowledged;
        public int Refused => _refused;

        public async Task WaitForAsync(int count, CancellationToken ct)
        {
            while (_acknowledged.Count < count) await Task.Delay(20, ct);
        }

        public async Task PostAsync(List<List<string>> programmes, int clients, CancellationToken ct)
        {
            var queue = new ConcurrentQueue<List<string>>(programmes);
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
            await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
            {
                while (queue.TryDequeue(out var programme))
                    foreach (var record in programme) await PostOneAsync(http, record, ct);
            }, ct)));
        }

        private async Task PostOneAsync(HttpClient http, string record, CancellationToken ct)
        {
            while (true)
            {
                var instance = (int)((uint)Interlocked.Increment(ref _next) % (uint)gateways.Count);
                try
                {
                    using var content = new StringContent(record, Encoding.UTF8, "application/json");
                    using var response = await http.PostAsync(new Uri(gateways[instance].BaseUrl, "/records"), content, ct);
                    if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted)
                    {
                        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                        _acknowledged[Key(record)] = (body.RootElement.GetProperty("receiptId").GetString()!, instance);
                        return;
                    }
                    if ((int)response.StatusCode < 500)
                    {
                        Interlocked.Increment(ref _refused);
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // the instance is down (killed): the record goes to the next
                }
                await Task.Delay(20, ct);
            }
        }
    }
}
