using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace FhirGateway.Runtime.Operations;

/// <summary>
/// Structured logs as JSON lines in a file (<c>{Data}/logs/gateway.jsonl</c>): time, level, category, event id, the
/// rendered message and each named parameter of the message template. Appends; thread-safe.
/// </summary>
public sealed class JsonFileLoggerProvider : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, JsonFileLogger> _loggers = new(StringComparer.Ordinal);
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public JsonFileLoggerProvider(string path, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite), new UTF8Encoding(false)) { AutoFlush = true };
        _time = time;
        FilePath = path;
    }

    public string FilePath { get; }

    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new JsonFileLogger(name, this));

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception, string message)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("time", _time.GetUtcNow().UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("level", level.ToString());
            w.WriteString("category", category);
            w.WriteNumber("eventId", eventId.Id);
            w.WriteString("message", message);
            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                foreach (var (key, value) in values.Where(v => v.Key != "{OriginalFormat}"))
                    w.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            if (exception is not null) w.WriteString("exception", exception.GetType().FullName + ": " + exception.Message);
            w.WriteEndObject();
        }
        var line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_gate) _writer.WriteLine(line);
    }

    private sealed class JsonFileLogger(string category, JsonFileLoggerProvider provider) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            if (!IsEnabled(logLevel)) return;
            provider.Write(category, logLevel, eventId, state, exception, formatter(state, exception));
        }
    }
}
