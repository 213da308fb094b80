using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;

namespace FhirGateway.Benchmarks;

/// <summary>
/// The typed JSON reader and writer beside raw System.Text.Json on the same bytes: a small Observation, a
/// ~1 MB searchset Bundle built deterministically from the R4 examples, and the whole r4-examples folder
/// (read from ../shared/conformance/r4-examples). Target: typed parse within 3x of JsonDocument.Parse.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private FhirJsonParser _parser = null!;
    private FhirJsonWriter _writer = null!;
    private byte[][] _inputs = [];
    private ElementNode[] _trees = [];
    private JsonDocument[] _documents = [];
    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);

    [Params("small", "bundle-1mb", "folder")]
    public string Input { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        _parser = new FhirJsonParser(StructureTypeModel.R4Core);
        _writer = new FhirJsonWriter(_parser.Tables);
        _inputs = BenchmarkInputs.Load(Input);
        _trees = _inputs.Select(b => _parser.Parse(b).Root ?? throw new InvalidOperationException("an input did not parse")).ToArray();
        _documents = _inputs.Select(b => JsonDocument.Parse(b)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var d in _documents) d.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw JsonDocument.Parse")]
    public int RawParse()
    {
        var n = 0;
        foreach (var bytes in _inputs)
        {
            using var doc = JsonDocument.Parse(bytes);
            n += (int)doc.RootElement.ValueKind;
        }
        return n;
    }

    [Benchmark(Description = "typed parse")]
    public int TypedParse()
    {
        var n = 0;
        foreach (var bytes in _inputs) n += _parser.Parse(bytes).Issues.Count;
        return n;
    }

    [Benchmark(Description = "typed parse + walk")]
    public int TypedParseAndWalk()
    {
        var n = 0;
        foreach (var bytes in _inputs) n += Walk(_parser.Parse(bytes).Root!);
        return n;
    }

    [Benchmark(Description = "walk typed tree")]
    public int TypedWalk()
    {
        var n = 0;
        foreach (var tree in _trees) n += Walk(tree);
        return n;
    }

    [Benchmark(Description = "raw Utf8JsonWriter (rewrite JsonDocument)")]
    public long RawWrite() => WriteAll(_documents, static (doc, _, writer) => doc.WriteTo(writer));

    [Benchmark(Description = "typed serialize")]
    public long TypedWrite() => WriteAll(_trees, static (tree, self, writer) => self._writer.Write(tree, writer));

    private long WriteAll<T>(T[] items, Action<T, JsonBenchmarks, Utf8JsonWriter> write)
    {
        long n = 0;
        foreach (var item in items)
        {
            _output.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_output, FhirJsonWriter.Options(pretty: false))) write(item, this, writer);
            n += _output.WrittenCount;
        }
        return n;
    }

    /// <summary>Visits every node, touching its name, type and text.</summary>
    private static int Walk(ElementNode node)
    {
        var n = node.Name.Length + (node.InstanceType?.Length ?? 0) + (node.Text?.Length ?? 0);
        var children = node.Children;
        for (var i = 0; i < children.Count; i++) n += Walk(children[i]);
        return n;
    }
}
