using System.Buffers;
using System.Text.Json;
using FhirGateway.Testing;

namespace FhirGateway.Benchmarks;

/// <summary>Benchmark inputs from ../shared/conformance/r4-examples (found by walking up to FhirGateway.sln).</summary>
internal static class BenchmarkInputs
{
    public static byte[][] Load(string name)
    {
        var folder = ExamplesFolder();
        return name switch
        {
            "small" => [File.ReadAllBytes(Path.Combine(folder, "Observation-example.json"))],
            "bundle-1mb" => [SearchsetBundle(folder, 1 << 20)],
            "folder" => Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    /// <summary>A searchset Bundle of the Patient and Observation examples, repeated in file order until it reaches <paramref name="size"/> bytes.</summary>
    public static byte[] SearchsetBundle(string folder, int size)
    {
        var sources = Directory.GetFiles(folder, "*.json")
            .Where(f => Path.GetFileName(f).StartsWith("Patient-", StringComparison.Ordinal) || Path.GetFileName(f).StartsWith("Observation-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => JsonDocument.Parse(File.ReadAllBytes(f)))
            .ToList();
        var buffer = new ArrayBufferWriter<byte>(size + 65536);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("resourceType", "Bundle");
            w.WriteString("type", "searchset");
            w.WriteStartArray("entry");
            for (var i = 0; buffer.WrittenCount + w.BytesPending < size; i++)
            {
                var doc = sources[i % sources.Count];
                w.WriteStartObject();
                w.WriteString("fullUrl", $"urn:uuid:00000000-0000-0000-0000-{i:D12}");
                w.WritePropertyName("resource");
                doc.RootElement.WriteTo(w);
                w.WriteStartObject("search");
                w.WriteString("mode", "match");
                w.WriteEndObject();
                w.WriteEndObject();
                if (w.BytesPending > 65536) w.Flush();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        foreach (var d in sources) d.Dispose();
        return buffer.WrittenSpan.ToArray();
    }

    private static string ExamplesFolder() => SharedConformance.Folder("r4-examples")
        ?? throw new DirectoryNotFoundException("The benchmarks read ../shared/conformance/r4-examples next to the repository; it is not there.");
}
