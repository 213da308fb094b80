namespace FhirGateway.Cli;

/// <summary>
/// How to run this program again from the current folder, for the commands fhirgw suggests: <c>fhirgw</c> when that name
/// on PATH is this program, else the program's own path (as <c>dotnet run</c> or a published build starts it), else
/// <c>dotnet path/fhirgw.dll</c>.
/// </summary>
internal static class SelfCommand
{
    public static string Current =>
        Resolve(Environment.ProcessPath, typeof(SelfCommand).Assembly.Location, Environment.GetEnvironmentVariable("PATH"), Environment.CurrentDirectory);

    public static string Resolve(string? processPath, string assemblyPath, string? pathVariable, string currentDirectory)
    {
        var self = processPath is not null && IsFhirgw(processPath) ? processPath : null;
        if (self is not null && OnPath(pathVariable).Any(candidate => SameFile(candidate, self))) return "fhirgw";
        var program = self ?? assemblyPath;
        var shown = Relative(program, currentDirectory);
        if (shown.Contains(' ', StringComparison.Ordinal)) shown = $"\"{shown}\"";
        return self is not null ? shown : $"dotnet {shown}";
    }

    private static bool IsFhirgw(string path) =>
        Path.GetFileNameWithoutExtension(path).Equals("fhirgw", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> OnPath(string? pathVariable) =>
        (pathVariable ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => new[] { Path.Combine(folder, "fhirgw"), Path.Combine(folder, "fhirgw.exe") });

    private static bool SameFile(string a, string b) =>
        File.Exists(a) && string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Relative(string path, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, path);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative)) return path;
        return relative.StartsWith('.') ? relative : "." + Path.DirectorySeparatorChar + relative;
    }
}
