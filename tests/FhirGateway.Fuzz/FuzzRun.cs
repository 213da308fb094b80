using System.Diagnostics;

namespace FhirGateway.Fuzz;

/// <summary>What one target's pass did: inputs tried, failures (unhandled exceptions, HTTP 5xx) with samples, time taken.</summary>
internal sealed record FuzzReport(string Target, long Inputs, IReadOnlyList<string> Failures, TimeSpan Elapsed)
{
    public override string ToString() => $"{Target}: {Inputs} inputs in {Elapsed.TotalSeconds:F1} s, {Failures.Count} failures";
}

/// <summary>
/// Runs a target over mutated seeds. By default a bounded, seeded pass (at most <c>ciInputs</c> inputs and
/// <c>ciTime</c>): the same inputs every run for a given seed. <c>FHIRGW_FUZZ_SECONDS=600</c> runs each target that long
/// instead; <c>FHIRGW_FUZZ_SEED=N</c> picks another sequence. Failing inputs are written to
/// <c>$TMPDIR/fhirgw-fuzz-failures/</c> to be replayed.
/// </summary>
internal static class FuzzRun
{
    public static int Seed { get; } = int.TryParse(Environment.GetEnvironmentVariable("FHIRGW_FUZZ_SEED"), out var s) ? s : 20261204;

    public static TimeSpan? LongRun { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("FHIRGW_FUZZ_SECONDS"), out var seconds) && seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    public static async Task<FuzzReport> RunAsync(string target, IReadOnlyList<byte[]> seeds, int ciInputs, TimeSpan ciTime, Func<byte[], Task<string?>> call)
    {
        var random = new Random(Seed ^ StableHash(target));
        var mutator = new Mutator(random);
        var limit = LongRun ?? ciTime;
        var maxInputs = LongRun is null ? ciInputs : long.MaxValue;
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        long inputs = 0;
        while (inputs < maxInputs && clock.Elapsed < limit)
        {
            var (input, applied) = mutator.Mutate(seeds[random.Next(seeds.Count)], seeds[random.Next(seeds.Count)]);
            inputs++;
            string? failure;
            try
            {
                failure = await call(input);
            }
            catch (Exception e)
            {
                var at = e.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains(" FhirGateway.", StringComparison.Ordinal))?.Trim();
                failure = $"{e.GetType().Name}: {e.Message} {at}";
            }
            if (failure is not null) failures.Add($"{Save(target, inputs, input)} ({applied}): {failure}");
        }
        return new FuzzReport(target, inputs, failures, clock.Elapsed);
    }

    private static string Save(string target, long n, byte[] input)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "fhirgw-fuzz-failures")).FullName;
        var file = Path.Combine(folder, $"{target}-{Seed}-{n}.json");
        File.WriteAllBytes(file, input);
        return file;
    }

    /// <summary>FNV-1a: the same on every run and machine (string.GetHashCode is not).</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }
}

/// <summary>The seeds: the clinic records in <c>seeds/</c>, the IG examples in <c>profiles/examples/</c>, and the R4 examples when <c>../shared/conformance</c> is present.</summary>
internal static class FuzzSeeds
{
    /// <summary>The repository (found above the test binaries, or <c>FHIRGW_FUZZ_REPO</c> for a copy of them run elsewhere).</summary>
    public static string Repo { get; } = Environment.GetEnvironmentVariable("FHIRGW_FUZZ_REPO") is { Length: > 0 } repo ? repo : RepositoryFolder.Root ?? throw new InvalidOperationException("FhirGateway.sln not found above " + AppContext.BaseDirectory);

    public static IReadOnlyList<byte[]> Records { get; } = Load(Path.Combine(Repo, "seeds"));

    public static IReadOnlyList<byte[]> Resources { get; } =
        [.. Load(Path.Combine(Repo, "profiles", "examples")), .. (SharedConformance.Beside(Repo) is { } shared ? Load(Path.Combine(shared, "r4-examples")) : [])];

    private static List<byte[]> Load(string folder) => Directory.Exists(folder)
        ? Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList()
        : [];
}
