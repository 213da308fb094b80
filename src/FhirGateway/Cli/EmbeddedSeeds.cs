namespace FhirGateway.Cli;

/// <summary>The repository's <c>seeds/</c> folder as built into fhirgw (see FhirGateway.csproj), for a demo run away from the repository.</summary>
internal static class EmbeddedSeeds
{
    private const string Prefix = "seeds/";

    /// <summary>Each seed file's path relative to the seeds folder ('/' separators) and the name of the resource holding it.</summary>
    private static readonly SortedDictionary<string, string> Resources = new(
        typeof(EmbeddedSeeds).Assembly.GetManifestResourceNames()
            .Select(name => (Path: name.Replace('\\', '/'), Name: name))
            .Where(r => r.Path.StartsWith(Prefix, StringComparison.Ordinal))
            .ToDictionary(r => r.Path[Prefix.Length..], r => r.Name), StringComparer.Ordinal);

    /// <summary>The seed files' paths relative to the seeds folder, with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Files { get; } = [.. Resources.Keys];

    /// <summary>Writes every seed file under <paramref name="folder"/> (created when missing) and returns the folder.</summary>
    public static string ExtractTo(string folder)
    {
        foreach (var (file, resource) in Resources)
        {
            var target = Path.Combine([folder, .. file.Split('/')]);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            using var source = typeof(EmbeddedSeeds).Assembly.GetManifestResourceStream(resource)!;
            using var output = File.Create(target);
            source.CopyTo(output);
        }
        return folder;
    }
}
