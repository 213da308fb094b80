using System.Diagnostics;
using System.Globalization;
using System.Text;
using FhirGateway.Load;
using FhirGateway.Testing.Load;
using FhirGateway.Testing.Partners;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using Microsoft.Extensions.DependencyInjection;

// fhirgw load: posts N generated distinct programmes to an in-process gateway with a loopback partner that answers at
// once, and prints records/s, resources/s and the received → partner-response latency percentiles. See README, "Load".
var settings = LoadSettings.Parse(args);
if (settings is null) return 2;
using var cts = new CancellationTokenSource(settings.Timeout);
var ct = cts.Token;

var templates = Programmes.Load(settings.Seeds);
if (templates.Count == 0)
{
    Console.Error.WriteLine($"load: no seed programme (a folder of records of one patient) under {settings.Seeds}");
    return 2;
}
var perRound = templates.Sum(t => t.Records.Count);
var rounds = (settings.Records + perRound - 1) / perRound;
var programmes = Enumerable.Range(0, rounds).SelectMany(n => templates.Select((t, i) => Programmes.Make(t, n * templates.Count + i).ToList())).ToList();
var total = programmes.Sum(p => p.Count);
var partnerIds = programmes.SelectMany(p => p).Select(Programmes.PartnerIn).OfType<string>().Distinct(StringComparer.Ordinal).ToList();

await using var partner = await RecordingPartner.StartAsync(FhirGateway.Mapping.Ig.ClinicIg.Systems.RecordKey, ct);
await using var storage = await LoadStore.OpenAsync(settings.Store, settings.Postgres, ct);
var data = Path.Combine(Path.GetTempPath(), "fhirgw-load-" + Guid.NewGuid().ToString("N")[..8]);
var overrides = new Dictionary<string, string?>(storage.Settings)
{
    ["Http:Urls"] = "http://127.0.0.1:0", ["Intake:ApiKeys:0"] = LoadSettings.ApiKey,
    ["Pipeline:PollInterval"] = "00:00:00.05", ["Delivery:PollInterval"] = "00:00:00.05",
    // a fresh ledger key per run (the load tool keys its throw-away ledger like a deployment does)
    ["Ledger:Key"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)),
};
for (var i = 0; i < partnerIds.Count; i++)
{
    overrides[$"Partners:{i}:Id"] = partnerIds[i];
    overrides[$"Partners:{i}:Organization"] = $"{FhirGateway.Mapping.Ig.ClinicIg.Systems.Organization}|{partnerIds[i]}";
    overrides[$"Partners:{i}:BaseUrl"] = partner.BaseUrl.ToString();
    overrides[$"Partners:{i}:BatchSize"] = settings.BatchSize.ToString(CultureInfo.InvariantCulture);
}
foreach (var (key, value) in settings.Overrides) overrides[key] = value;
// every instance its own data folder (inbox, logs); with PostgreSQL they share the database
var apps = new List<Microsoft.AspNetCore.Builder.WebApplication>();
for (var i = 0; i < settings.Instances; i++)
{
    var app = GatewayHost.Build(new GatewayHostSettings { Overrides = new Dictionary<string, string?>(overrides) { ["Data"] = Path.Combine(data, $"instance-{i}") }, ConsoleLogs = false, FileLogs = false });
    await app.StartAsync(ct);
    apps.Add(app);
}
var store = apps[0].Services.GetRequiredService<IGatewayStore>();
var clients = apps.Select(a =>
{
    var client = new HttpClient { BaseAddress = new Uri(GatewayHost.Addresses(a.Services)[0]) };
    client.DefaultRequestHeaders.Add("X-Api-Key", LoadSettings.ApiKey);
    return client;
}).ToList();

Console.WriteLine($"load: {total} records ({programmes.Count} programmes from {string.Join(", ", templates.Select(t => $"{t.Folder} ({t.Records.Count})"))}), " +
    $"{settings.Clients} clients, rate {(settings.Rate > 0 ? $"{settings.Rate}/s" : "unpaced")}, store {storage.Name}, {settings.Instances} instance(s), partners {partnerIds.Count} (instant loopback)");

var clock = Stopwatch.StartNew();
var cpuAtStart = Process.GetCurrentProcess().TotalProcessorTime;
var refused = await Poster.PostAllAsync(clients, programmes, settings.Clients, settings.Rate, ct);
var intakeSeconds = clock.Elapsed.TotalSeconds;
var accepted = total - refused;
Console.WriteLine($"intake: {accepted} accepted, {refused} refused in {intakeSeconds:F1} s = {accepted / intakeSeconds:F0} records/s");

StoreSummary summary;
while (true)
{
    summary = await store.SummaryAsync(ct);
    if (summary.RecordsWaiting == 0 && summary.RecordsRouted + summary.RecordsParked >= accepted && summary.DeliveriesPending == 0) break;
    await Task.Delay(50, ct);
}
var seconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"delivered: {summary.DeliveriesDelivered} records, {partner.Entries} resources in {seconds:F1} s = " +
    $"{summary.DeliveriesDelivered / seconds:F0} records/s, {partner.Entries / seconds:F0} resources/s; {partner.Transactions} transactions " +
    $"({(double)summary.DeliveriesDelivered / Math.Max(1, partner.Transactions):F1} records each); parked {summary.RecordsParked + summary.DeliveriesParked}, held {summary.DeliveriesHeld}");
// processor time of the whole process (gateway, partner stub and posting clients): on a shared machine the wall-clock
// rate says how much of the machine the run got, this says what a record costs
var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuAtStart).TotalSeconds;
Console.WriteLine($"cpu: {cpu:F1} s of processor time = {cpu * 1000 / Math.Max(1, summary.DeliveriesDelivered):F2} ms per delivered record " +
    $"(≈ {summary.DeliveriesDelivered / Math.Max(cpu, 0.001):F0} records/s per fully used core; {cpu / seconds:F2} cores used on average)");
if (store is FhirGateway.Runtime.Store.Sqlite.SqliteGatewayStore sqlite)
{
    var (commits, writes) = sqlite.CommitCounts;
    Console.WriteLine($"store: {writes} writes in {commits} commits ({(double)writes / Math.Max(1, commits):F1} writes per commit, {(double)commits / Math.Max(1, summary.DeliveriesDelivered):F2} commits per delivered record)");
}
Console.WriteLine(Latency.Describe(await Latency.FromLedgerAsync(store, ct)));
foreach (var app in apps)
{
    await app.StopAsync(CancellationToken.None);
    await app.DisposeAsync();
}
foreach (var client in clients) client.Dispose();
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
try { Directory.Delete(data, recursive: true); } catch (IOException) { }
return summary.RecordsParked + summary.DeliveriesParked == 0 ? 0 : 1;

internal sealed record LoadSettings(string Seeds, int Records, int Clients, double Rate, int BatchSize, TimeSpan Timeout, IReadOnlyDictionary<string, string?> Overrides,
    string Store, string? Postgres, int Instances)
{
    public const string ApiKey = "load-key";

    public static LoadSettings? Parse(string[] args)
    {
        string? seeds = null;
        int records = 3000, clients = 8, batch = 10, instances = 1;
        string store = "sqlite";
        string? postgres = null;
        double rate = 0;
        var timeout = TimeSpan.FromMinutes(10);
        var overrides = new Dictionary<string, string?>();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            try
            {
                switch (args[i])
                {
                    case "--seeds": seeds = Next(); break;
                    case "--records": records = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--clients": clients = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--rate": rate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--batch": batch = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--timeout": timeout = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "--store": store = Next(); break;
                    case "--postgres": postgres = Next(); store = "postgresql"; break;
                    case "--instances": instances = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--set":
                        var kv = Next().Split('=', 2);
                        overrides[kv[0]] = kv.Length > 1 ? kv[1] : "";
                        break;
                    default: throw new ArgumentException($"unknown option {args[i]}");
                }
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                Console.Error.WriteLine($"load: {e.Message}. Usage: --records N --clients C [--rate R/s] [--batch B] [--store sqlite|postgresql] [--postgres CONNECTION] [--instances N] [--seeds DIR] [--timeout S] [--set Key=Value]…");
                return null;
            }
        }
        seeds ??= FindSeeds();
        if (seeds is null || !Directory.Exists(seeds))
        {
            Console.Error.WriteLine("load: no seeds folder: give --seeds DIR or run from the repository");
            return null;
        }
        if (store is not ("sqlite" or "postgresql") || (store == "sqlite" && instances != 1) || instances < 1)
        {
            Console.Error.WriteLine("load: --store is sqlite (one instance) or postgresql (--instances N of them sharing the database)");
            return null;
        }
        return new LoadSettings(seeds, Math.Max(1, records), Math.Max(1, clients), rate, batch, timeout, overrides, store, postgres, instances);
    }

    private static string? FindSeeds()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "seeds")) && File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln")))
                return Path.Combine(dir.FullName, "seeds");
        return null;
    }
}
