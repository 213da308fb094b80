using System.Diagnostics;
using Xunit.Abstractions;

namespace FhirGateway.Cli.Tests.Readme;

/// <summary>
/// The README is tested: every <c>fhirgw …</c> line of its <c>sh</c> blocks runs, in order, in a fresh folder holding
/// copies of <c>seeds/</c> and <c>profiles/</c>, as the published program (<c>dotnet fhirgw.dll</c>) with that folder as
/// its working folder. A file a line names that the folder lacks is copied when it is the repository's own
/// (<c>appsettings.example.json</c>), else is a valid example of the resource type it is named for (<c>Patient.json</c>)
/// from <c>profiles/examples/valid</c> (an Observation for other names). No line may end in a usage or I/O error (exit 2: the README and the program disagree) or a crash.
/// </summary>
public sealed class ReadmeCommandsTests(ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _work = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _work.Dispose();
    }

    [Fact]
    public void Commands_are_read_from_sh_blocks_without_comments_and_synopses_are_marked()
    {
        const string readme = """
            ```sh
            fhirgw fhirpath "name.where(use = 'official').given" Patient.json   # one line # per item
            fhirgw format *.json --check [--json]
            fhirgw validate out/ --profile URL
            dotnet test FhirGateway.sln
            ```
            fhirgw not-in-a-block
            """;
        var commands = ReadmeCommands.Extract(readme);
        Assert.Equal(3, commands.Count);
        Assert.Equal(["fhirpath", "name.where(use = 'official').given", "Patient.json"], commands[0].Args);
        Assert.Null(commands[0].Skip);
        Assert.Equal("a usage synopsis ([--json])", commands[1].Skip);
        Assert.Equal("a usage synopsis (URL)", commands[2].Skip);
    }

    [Fact]
    public async Task Every_fhirgw_command_of_the_README_runs_on_a_fresh_copy_of_the_seeds()
    {
        Copy(CliRun.Repo("seeds"), Path.Combine(_work.Path, "seeds"));
        Copy(CliRun.Repo("profiles"), Path.Combine(_work.Path, "profiles"));
        var commands = ReadmeCommands.Extract(await File.ReadAllTextAsync(CliRun.Repo("README.md")));
        var failures = new List<string>();
        var ran = 0;
        foreach (var command in commands)
        {
            if (command.Skip is not null)
            {
                output.WriteLine($"README:{command.Line} skipped, {command.Skip}: {command.Text}");
                continue;
            }
            var args = command.Args.SelectMany(Expand).ToList();
            foreach (var file in args.Where(a => a.EndsWith(".json", StringComparison.Ordinal) && !a.Contains('/', StringComparison.Ordinal))) Provide(file);
            var (exit, stdout, stderr) = await RunAsync(args);
            ran++;
            output.WriteLine($"README:{command.Line} exit {exit}: {command.Text}");
            if (exit is not (0 or 1) || stderr.Contains("Unhandled exception", StringComparison.Ordinal) || stderr.Contains("   at ", StringComparison.Ordinal))
                failures.Add($"README:{command.Line} `{command.Text}` exited {exit}:\n{stderr}{(stdout.Length > 2000 ? stdout[..2000] : stdout)}");
        }
        Assert.True(ran >= 10, $"only {ran} README commands ran; the extraction no longer finds them");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>A shell's glob of the working folder (<c>*.json</c>); other words as they are.</summary>
    private IEnumerable<string> Expand(string arg)
    {
        if (!arg.Contains('*', StringComparison.Ordinal)) return [arg];
        var matches = Directory.GetFiles(_work.Path, arg).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        return matches.Count == 0 ? [arg] : matches;
    }

    private void Provide(string name)
    {
        var target = Path.Combine(_work.Path, name);
        if (File.Exists(target)) return;
        if (File.Exists(CliRun.Repo(name)))
        {
            File.Copy(CliRun.Repo(name), target);
            return;
        }
        var examples = CliRun.Repo("profiles", "examples", "valid");
        var type = Path.GetFileNameWithoutExtension(name);
        var example = Directory.GetFiles(examples, type + "-*.json").Order(StringComparer.Ordinal).FirstOrDefault()
            ?? Directory.GetFiles(examples, "Observation-*.json").Order(StringComparer.Ordinal).First();
        File.Copy(example, target);
    }

    private async Task<(int Exit, string Out, string Err)> RunAsync(IReadOnlyList<string> args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _work.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fhirgw.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("FHIRGW_CONFIG");
        start.Environment.Remove("FHIRGW_DATA");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, "timed out after 4 minutes\n" + await stderr);
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void Copy(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
