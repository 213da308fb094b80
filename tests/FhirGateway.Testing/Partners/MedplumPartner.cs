using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FhirGateway.Testing.Partners;

/// <summary>
/// A real third-party FHIR server for tests: Medplum's engine (<c>@medplum/fhir-router</c> over its in-memory
/// repository, stock settings) behind the small Node front in <c>tests/partners/medplum</c>, started as a child
/// process on a free loopback port and killed on dispose. <c>.ci/run</c> installs its packages (<c>npm ci</c>);
/// where node or the packages are absent, <see cref="Unavailable"/> says why and the tests that need it skip.
/// </summary>
public sealed partial class MedplumPartner : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private MedplumPartner(Process process) => _process = process;

    /// <summary>The folder of the Node front (<c>tests/partners/medplum</c>), or null outside the repository.</summary>
    public static string? Folder { get; } = RepositoryFolder.Combine("tests", "partners", "medplum");

    private static string? NodePath { get; } = FindOnPath("node");

    /// <summary>Why the partner cannot start on this machine, or null when it can.</summary>
    public static string? Unavailable { get; } = FindUnavailable();

    /// <summary>The FHIR base, e.g. <c>http://127.0.0.1:41234/fhir/R4/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the server printed (one line per request), for a failing test's message.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output) return [.. _output];
        }
    }

    /// <summary>Starts a fresh, empty server on a free port and waits until it listens.</summary>
    public static async Task<MedplumPartner> StartAsync(CancellationToken cancellationToken = default)
    {
        if (Unavailable is { } reason) throw new InvalidOperationException("The Medplum partner cannot start: " + reason);
        var info = new ProcessStartInfo(NodePath!, ["server.mjs", "0"])
        {
            WorkingDirectory = Folder!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("node did not start");
        var partner = new MedplumPartner(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            partner.Keep(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) partner.Keep("stderr: " + e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException(
            "The Medplum partner exited before listening:\n" + string.Join('\n', partner.Output)));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            partner.BaseUrl = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return partner;
        }
        catch
        {
            await partner.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // already gone, or not stopping: nothing more this test can do about it
        }
        _process.Dispose();
    }

    private void Keep(string line)
    {
        lock (_output)
            if (_output.Count < 10_000) _output.Add(line);
    }

    private static string? FindUnavailable()
    {
        if (Folder is null || !File.Exists(Path.Combine(Folder, "server.mjs"))) return "tests/partners/medplum/server.mjs is not in this checkout";
        if (NodePath is null) return "node is not on PATH on this machine";
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "@medplum", "fhir-router")))
            return "the Medplum packages are not installed (run `npm ci --no-audit --no-fund` in tests/partners/medplum, as .ci/run does)";
        return null;
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    [GeneratedRegex(@"^listening (http://127\.0\.0\.1:\d+/\S*)$")]
    private static partial Regex Listening();
}
