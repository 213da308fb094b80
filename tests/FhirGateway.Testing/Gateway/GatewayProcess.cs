using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FhirGateway.Testing.Gateway;

/// <summary>
/// One <c>fhirgw run</c> as a real child process (<c>dotnet fhirgw.dll run</c>), configured by <c>FHIRGW_…</c>
/// environment variables, listening on a free loopback port it prints; killed (SIGKILL: no shutdown, no lease given
/// back) by <see cref="Kill"/> or on dispose.
/// </summary>
public sealed partial class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Process _process;
    private readonly List<string> _output = [];

    private GatewayProcess(Process process) => _process = process;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>What the process printed, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (_output) return string.Join('\n', _output);
        }
    }

    /// <param name="program">The path of fhirgw.dll.</param>
    /// <param name="environment">The settings, as FHIRGW_ variables (Http:Urls is set to a free port).</param>
    public static async Task<GatewayProcess> StartAsync(string program, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add(program);
        start.ArgumentList.Add("run");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("FHIRGW_", StringComparison.OrdinalIgnoreCase)).ToList()) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        start.Environment["FHIRGW_HTTP__URLS"] = "http://127.0.0.1:0";
        var process = Process.Start(start) ?? throw new InvalidOperationException("fhirgw did not start");
        var gateway = new GatewayProcess(process);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            gateway.Keep(e.Data);
            if (Listening().Match(e.Data) is { Success: true } m) listening.TrySetResult(new Uri(m.Groups[1].Value));
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) gateway.Keep("stderr: " + e.Data);
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("fhirgw run exited before listening:\n" + gateway.Output));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            gateway.BaseUrl = await listening.Task.WaitAsync(StartTimeout, cancellationToken);
            return gateway;
        }
        catch
        {
            await gateway.DisposeAsync();
            throw;
        }
    }

    /// <summary>Kills the process at once (SIGKILL on Linux) and waits for it to be gone.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    private void Keep(string line)
    {
        lock (_output) _output.Add(line);
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"listening on (http://[^,;\s]+)")]
    private static partial Regex Listening();
}
