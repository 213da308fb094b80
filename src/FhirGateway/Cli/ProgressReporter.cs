using System.CommandLine;
using System.Diagnostics;
using System.Globalization;

namespace FhirGateway.Cli;

/// <summary>
/// <c>--progress auto|always|never</c> of <c>validate</c> and <c>format</c>: how far a large file (1 MB and more) or a
/// long run (20 files and more) has got, on stderr and never on stdout. <c>auto</c> (the default) shows it only when
/// stderr is a terminal, as one line rewritten in place at most five times a second and erased before the results
/// are printed; <c>always</c> shows it also when stderr is a file or a pipe, as plain lines at most every two seconds
/// (a CI log); <c>never</c> shows nothing. Within a Bundle it counts resources validated against the entries read.
/// </summary>
internal sealed class ProgressReporter
{
    public const long LargeFile = 1024 * 1024;
    public const int LongRun = 20;

    private static readonly TimeSpan InPlaceEvery = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LinesEvery = TimeSpan.FromSeconds(2);

    private readonly TextWriter _stderr;
    private readonly string _command;
    private readonly bool _enabled;
    private readonly bool _inPlace;
    private readonly Stopwatch _sinceShown = new();
    private bool _lineShown;

    private ProgressReporter(TextWriter stderr, string command, bool enabled, bool inPlace)
    {
        _stderr = stderr;
        _command = command;
        _enabled = enabled;
        _inPlace = inPlace;
    }

    public static Option<string> Option() => new Option<string>("--progress")
    {
        Description = "Show progress on stderr for large files and long runs: auto (only when stderr is a terminal; the default), always, never.",
        DefaultValueFactory = _ => "auto",
    }.AcceptOnlyFromAmong("auto", "always", "never");

    /// <summary>A reporter for this mode; stderr is a terminal only when it is the process's own, not redirected.</summary>
    public static ProgressReporter Create(string? mode, TextWriter stderr, string command)
    {
        var terminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        return mode switch
        {
            "never" => new ProgressReporter(stderr, command, false, false),
            "always" => new ProgressReporter(stderr, command, true, terminal),
            _ => new ProgressReporter(stderr, command, terminal, true),
        };
    }

    /// <summary>A step of one large file (<c>reading</c>, <c>validating 45,000 resources</c>): not held back by the rate limit, as it changes what is happening.</summary>
    public void Step(string file, long bytes, string what)
    {
        if (bytes >= LargeFile) Show($"{file} ({Megabytes(bytes)}): {what}", force: true);
    }

    /// <summary>Counts resources validated in one large file against <paramref name="total"/>; null when nothing would be shown.</summary>
    public IProgress<int>? Resources(string file, long bytes, int total)
    {
        if (!_enabled || bytes < LargeFile || total < 2) return null;
        var started = Stopwatch.StartNew();
        return new Counter(done =>
        {
            var shown = Math.Min(done, total);
            Show(string.Create(CultureInfo.InvariantCulture, $"{file} ({Megabytes(bytes)}): validated {shown:N0}/{total:N0} resources ({100.0 * shown / total:F0}%), {started.Elapsed.TotalSeconds:F1} s"), force: false);
        });
    }

    /// <summary>Files done in a long run.</summary>
    public void Files(int done, int total, TimeSpan elapsed)
    {
        if (total < LongRun || (!_inPlace && done % 25 != 0 && done != total)) return;
        Show(string.Create(CultureInfo.InvariantCulture, $"{done}/{total} files, {elapsed.TotalSeconds:F1} s"), force: done == total || !_inPlace);
    }

    /// <summary>Erases the in-place line, before results are printed on the same terminal.</summary>
    public void Clear()
    {
        if (!_lineShown) return;
        _stderr.Write("\r\u001b[K");
        _stderr.Flush();
        _lineShown = false;
    }

    private void Show(string text, bool force)
    {
        if (!_enabled) return;
        if (!force && _sinceShown.IsRunning && _sinceShown.Elapsed < (_inPlace ? InPlaceEvery : LinesEvery)) return;
        _sinceShown.Restart();
        if (_inPlace)
        {
            _stderr.Write($"\r\u001b[K{_command}: {text}");
            _lineShown = true;
        }
        else _stderr.WriteLine($"{_command}: {text}");
        _stderr.Flush();
    }

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0 / 1024.0:F1} MB");

    /// <summary>Reports synchronously on the validating thread (<see cref="Progress{T}"/> would post to a thread pool and lag).</summary>
    private sealed class Counter(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
