using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FhirGateway.Testing.Store;

/// <summary>
/// A throwaway PostgreSQL cluster for tests and the load tool: <c>initdb</c> into a folder under /tmp, <c>pg_ctl</c>
/// on a free loopback port (as the <c>postgres</c> user when this process is root), stopped and removed when the
/// process ends. Or, when <c>FHIRGW_TEST_POSTGRES</c> holds a connection string, that server. Each caller gets its
/// own database (<see cref="CreateDatabaseAsync"/>). Where neither is possible, <see cref="Unavailable"/> says why
/// and the tests that need it report themselves skipped.
/// </summary>
public sealed class PostgreSqlCluster
{
    public const string ServerVariable = "FHIRGW_TEST_POSTGRES";
    /// <summary>The value of <see cref="ServerVariable"/> that switches the PostgreSQL tests off (they report themselves skipped).</summary>
    public const string Off = "off";
    private static readonly Lazy<Task<PostgreSqlCluster>> Shared = new(() => StartAsync(durable: false, CancellationToken.None));

    private readonly string _admin;
    private readonly string? _folder;
    private readonly string? _dataFolder;

    private PostgreSqlCluster(string admin, string? folder)
    {
        _admin = admin;
        _folder = folder;
        _dataFolder = folder is null ? null : Path.Combine(folder, "data");
    }

    /// <summary>The folder of initdb and pg_ctl, or null when neither the PATH nor /usr/lib/postgresql/*/bin has them.</summary>
    public static string? BinFolder { get; } = FindBin();

    /// <summary>Why no cluster can be had here, or null when one can.</summary>
    public static string? Unavailable { get; } = FindUnavailable();

    /// <summary>The connection string of the server's <c>postgres</c> database.</summary>
    public string AdminConnectionString => _admin;

    /// <summary>One cluster for the whole test process, started on first use (fsync off: tests need no crash safety of the machine).</summary>
    public static Task<PostgreSqlCluster> SharedAsync() => Shared.Value;

    /// <summary>Starts a new cluster (or uses <c>FHIRGW_TEST_POSTGRES</c>); <paramref name="durable"/> keeps fsync on, for measurements.</summary>
    public static async Task<PostgreSqlCluster> StartAsync(bool durable, CancellationToken cancellationToken)
    {
        if (Unavailable is { } reason) throw new InvalidOperationException("No PostgreSQL for the tests: " + reason);
        if (Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } given) return new PostgreSqlCluster(given, null); // not "off": Unavailable says so
        RemoveStale();
        var folder = Path.Combine(Path.GetTempPath(), $"{FolderPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(folder);
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", folder], asPostgres: false, cancellationToken);
        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(BinFolder!, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], IsRoot, cancellationToken);
        var port = FreePort();
        var settings = $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300" + (durable ? "" : " -c fsync=off -c full_page_writes=off");
        var cluster = new PostgreSqlCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        await RunAsync(Path.Combine(BinFolder!, "pg_ctl"), ["-D", data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start"], IsRoot, cancellationToken);
        return cluster;
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var name = $"{new string(prefix.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(20).ToArray())}_{Guid.NewGuid():N}";
        await using (var c = new NpgsqlConnection(_admin))
        {
            await c.OpenAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", c);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
        return new NpgsqlConnectionStringBuilder(_admin) { Database = name, Pooling = true }.ToString();
    }

    /// <summary>Stops the server at once and removes its folder (a server given by FHIRGW_TEST_POSTGRES is left alone).</summary>
    public void Stop()
    {
        if (_folder is null || !Directory.Exists(_folder)) return;
        try
        {
            if (Directory.Exists(Path.Combine(_dataFolder!, "global"))) RunAsync(Path.Combine(BinFolder!, "pg_ctl"), ["-D", _dataFolder!, "-m", "immediate", "-w", "stop"], IsRoot, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // left for the machine's temp clean-up
        }
        catch (UnauthorizedAccessException)
        {
            // likewise
        }
    }

    private const string FolderPrefix = "fhirgw-pg-";

    /// <summary>Removes the folders of clusters whose process is gone (a test host that ended before its exit handler finished).</summary>
    private static void RemoveStale()
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var pid = Path.GetFileName(folder)[FolderPrefix.Length..].Split('-')[0];
            if (!int.TryParse(pid, out var id) || IsRunning(id)) continue;
            new PostgreSqlCluster("", folder).Stop();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static bool IsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", file, .. arguments]) : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.WorkingDirectory = Path.GetTempPath();
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} exited {process.ExitCode}: {await error}{await output}");
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static string? FindBin()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        const string debian = "/usr/lib/postgresql";
        if (!Directory.Exists(debian)) return null;
        return Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).FirstOrDefault();
    }

    private static string? FindUnavailable()
    {
        var given = Environment.GetEnvironmentVariable(ServerVariable);
        if (string.Equals(given, Off, StringComparison.OrdinalIgnoreCase)) return $"{ServerVariable}={Off}: the PostgreSQL tests are switched off";
        if (given is { Length: > 0 }) return null;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return "the throwaway PostgreSQL cluster is started on Linux or macOS only (or set FHIRGW_TEST_POSTGRES)";
        if (BinFolder is null) return "PostgreSQL is absent: no initdb/pg_ctl on the PATH or in /usr/lib/postgresql/*/bin, and FHIRGW_TEST_POSTGRES is unset (.ci/run installs the Debian package postgresql)";
        if (IsRoot && !File.ReadLines("/etc/passwd").Any(l => l.StartsWith("postgres:", StringComparison.Ordinal)))
            return "running as root without a postgres user to run the cluster as (the Debian package postgresql creates it)";
        return null;
    }
}
