using System.Text.Json;
using FhirGateway.Mapping;
using FhirGateway.Mapping.Tests.Support;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>What a case is expected to be: an IG example that must pass or must fail, or a resource the gateway sends (must pass).</summary>
internal enum Expectation { Valid, Invalid }

/// <summary>One resource both validators judge: where it comes from, its type, the profile asked for and its JSON.</summary>
internal sealed record OracleCase(string Name, string ResourceType, string Profile, Expectation Expected, ReadOnlyMemory<byte> Json)
{
    public override string ToString() => Name;

    private static string ExamplesFolder => Path.Combine(RepoFiles.Profiles, "examples");

    /// <summary>Every IG example: profiles/examples/valid (must pass) and profiles/examples/invalid (must fail), against the profile each declares.</summary>
    public static IEnumerable<OracleCase> Examples() =>
        FromFolder("valid", Expectation.Valid).Concat(FromFolder("invalid", Expectation.Invalid));

    /// <summary>Every resource the RecordMapper makes of every good seed (seeds/als, seeds/ms), against the profile it is sent with.</summary>
    public static IEnumerable<OracleCase> MappedSeeds()
    {
        var mapper = new RecordMapper();
        foreach (var seed in RepoFiles.GoodSeeds())
        {
            var mapping = mapper.Map(RepoFiles.Seed(seed));
            if (mapping.Record is null) throw new InvalidOperationException($"{seed} does not map: {string.Join("; ", mapping.Issues)}");
            foreach (var resource in mapping.Record.Resources)
                yield return new OracleCase($"seeds/{seed} {resource.ResourceType}/{resource.Id}", resource.ResourceType, resource.Profile, Expectation.Valid, resource.Json);
        }
    }

    private static IEnumerable<OracleCase> FromFolder(string folder, Expectation expected)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ExamplesFolder, folder), "*.json").Order(StringComparer.Ordinal))
        {
            var json = File.ReadAllBytes(file);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            yield return new OracleCase($"examples/{folder}/{Path.GetFileName(file)}", root.GetProperty("resourceType").GetString()!,
                root.GetProperty("meta").GetProperty("profile")[0].GetString()!, expected, json);
        }
    }
}
