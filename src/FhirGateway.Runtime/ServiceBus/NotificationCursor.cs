using System.Globalization;

namespace FhirGateway.Runtime.ServiceBus;

/// <summary>
/// The last ledger sequence number whose events reached the topic, kept in <c>{Data}/servicebus/notifications.cursor</c>
/// and replaced atomically after each send, so a restart resumes after the last sent event (at least once).
/// </summary>
public sealed class NotificationCursor(string dataFolder)
{
    public string Path { get; } = System.IO.Path.Combine(dataFolder, "servicebus", "notifications.cursor");

    public long Read()
    {
        if (!File.Exists(Path)) return 0;
        var text = File.ReadAllText(Path).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            ? seq
            : throw new InvalidDataException($"The notifications cursor {Path} holds '{text}', not a ledger sequence number; fix or delete it (deleting sends every event again)");
    }

    public void Write(long seq)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(seq.ToString(CultureInfo.InvariantCulture)));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, Path, overwrite: true);
    }
}
