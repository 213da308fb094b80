using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Tests.Support;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>Every R4 example (JSON) written as FHIR XML reads back, cleanly, as the same tree, and so writes the same JSON.</summary>
public sealed class R4ExamplesXmlRoundTripTests
{
    private const string Folder = "r4-examples";

    public static TheoryData<string> Files() => SharedConformance.FileNames(Folder, "*.json");

    [ConformanceTheory(Folder)]
    [MemberData(nameof(Files))]
    public void Example_written_as_xml_reads_back_as_the_same_tree_and_json(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(SharedConformance.Folder(Folder)!, file));
        var fromJson = JsonParser.Parse(bytes, file).Root!;
        var writeIssues = new List<Issue>();
        var xml = Writer.ToXml(fromJson, pretty: true, writeIssues);
        Assert.Empty(writeIssues);
        var back = Parser.Parse(xml, file + ".xml");
        Assert.True(back.Issues.Count == 0, string.Join(Environment.NewLine, back.Issues));
        Assert.Null(FirstDifference(fromJson, back.Root!));
        var difference = JsonStructuralDiff.FirstDifference(bytes, JsonWriter.ToUtf8Bytes(back.Root!));
        Assert.True(difference is null, $"{file}: {difference}");
    }
}
