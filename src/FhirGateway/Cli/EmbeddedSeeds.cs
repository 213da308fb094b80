namespace FhirGateway.Cli;

/// <summary>The repository's <c>seeds/</c> folder as built into fhirgw (see FhirGateway.csproj), for a demo run away from the repository.</summary>
internal static class EmbeddedSeeds
{
    private const string Prefix = "seeds/";

    /// <summary>The seed files' paths relative to the seeds folder, with '/' separators.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. typeof(EmbeddedSeeds).Assembly.GetManifestResourceNames().Select(Normalise).Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Select(n => n[Prefix.Length..]).Order(StringComparer.Ordinal)];

    /// <summary>Writes every seed file under <paramref name="folder"/> (created when missing) and returns the folder.</summary>
    public static string ExtractTo(string folder)
    {
        var assembly = typeof(EmbeddedSeeds).Assembly;
        var names = assembly.GetManifestResourceNames().ToDictionary(Normalise, n => n, StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var target = Path.Combine([folder, .. file.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = assembly.GetManifestResourceStream(names[Prefix + file])!;
            using var output = File.Create(target);
            source.CopyTo(output);
        }
        return folder;
    }

    private static string Normalise(string name) => name.Replace('\\', '/');
}
