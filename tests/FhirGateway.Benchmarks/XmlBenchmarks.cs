using System.Text;
using System.Xml;
using BenchmarkDotNet.Attributes;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Benchmarks;

/// <summary>
/// The typed XML reader and writer beside raw System.Xml.XmlReader (the floor: every node and attribute value
/// read, nothing built) on the same bytes: the inputs of <see cref="JsonBenchmarks"/> (a small Observation, a
/// ~1 MB searchset Bundle, the r4-examples folder) written once as FHIR XML.
/// </summary>
[MemoryDiagnoser]
public class XmlBenchmarks
{
    private static readonly XmlReaderSettings RawSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
    private FhirXmlParser _parser = null!;
    private readonly FhirXmlWriter _writer = new();
    private byte[][] _inputs = [];
    private ElementNode[] _trees = [];

    [Params("small", "bundle-1mb", "folder")]
    public string Input { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        _parser = new FhirXmlParser(StructureTypeModel.R4Core);
        var json = new FhirJsonParser(_parser.Tables);
        _inputs = BenchmarkInputs.Load(Input)
            .Select(b => _writer.ToUtf8Bytes(json.Parse(b).Root ?? throw new InvalidOperationException("an input did not parse"), pretty: false))
            .ToArray();
        _trees = _inputs.Select(b => _parser.Parse(b).Root ?? throw new InvalidOperationException("an XML input did not parse")).ToArray();
    }

    [Benchmark(Baseline = true, Description = "raw XmlReader (all nodes and attribute values)")]
    public int RawRead()
    {
        var n = 0;
        foreach (var bytes in _inputs)
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), RawSettings);
            while (reader.Read())
            {
                n++;
                if (reader.NodeType != XmlNodeType.Element) continue;
                for (var more = reader.MoveToFirstAttribute(); more; more = reader.MoveToNextAttribute()) n += reader.Value.Length;
            }
        }
        return n;
    }

    [Benchmark(Description = "typed parse")]
    public int TypedParse() => _inputs.Sum(bytes => _parser.Parse(bytes).Issues.Count);

    [Benchmark(Description = "typed serialize")]
    public long TypedWrite() => _trees.Sum(tree => (long)Encoding.UTF8.GetByteCount(_writer.ToXml(tree, pretty: false)));
}
