using System.Text;
using System.Text.Json.Nodes;
using FhirGateway.Mapping;
using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Pipeline;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>Seeds (seeds/…) mapped by the real mapper, routed into a real store as the pipeline does, and checked by the cross-record checks.</summary>
internal static class RoutedSeeds
{
    private static readonly RecordMapper Mapper = new();

    public static JsonNode Read(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) return JsonNode.Parse(File.ReadAllText(Path.Combine(dir.FullName, "seeds", relative)))!;
        throw new InvalidOperationException("no repository root");
    }

    public static MappedRecord Map(JsonNode record)
    {
        var mapping = Mapper.Map(Encoding.UTF8.GetBytes(record.ToJsonString()));
        Assert.True(mapping.Success, string.Join("; ", mapping.Issues));
        return mapping.Record!;
    }

    /// <summary>Stores a seed and routes its mapped resources, as the pipeline does.</summary>
    public static async Task RouteAsync(StoreFixture store, string relative)
    {
        var json = Read(relative);
        var record = Map(json);
        await store.Store.AcceptAsync(new RecordSubmission(record.Envelope, Encoding.UTF8.GetBytes(json.ToJsonString()), "test"), CancellationToken.None);
        var claimed = await store.Store.ClaimRecordAsync("pipeline", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(await store.Store.RouteRecordAsync(new RecordRouting(record, "1", []), "pipeline",
            [new LedgerDraft(LedgerSteps.Mapped, claimed!.Envelope.Key, record.Envelope.PatientId)], CancellationToken.None));
    }

    /// <summary>The cross-record errors of a seed (changed first, when asked) against what the store holds.</summary>
    public static async Task<List<Fhir.Issues.Issue>> CheckAsync(StoreFixture store, string relative, Action<JsonNode>? change = null)
    {
        var json = Read(relative);
        change?.Invoke(json);
        var issues = await new CrossRecordChecks(store.Store).CheckAsync(Map(json), CancellationToken.None);
        return issues.Where(i => i.IsError).ToList();
    }
}
