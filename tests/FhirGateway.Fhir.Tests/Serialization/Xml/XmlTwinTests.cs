using System.Text;
using System.Xml;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Tests.Support;
using static FhirGateway.Fhir.Tests.Serialization.Xml.XmlTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>
/// The XML files of the outside material: each reads (nothing fatal) and goes XML → tree → JSON → tree → XML → tree
/// without a change; and where a JSON twin exists, the trees agree. The FHIRPath suite's JSON candidates were
/// checked by value against their XML, but with whitespace collapsed, narratives re-serialised (or added where the XML
/// has none), and one lacks an extension the XML has (see its README): so there every value of the JSON must be found
/// at the same place in the XML tree, whitespace runs compared as one space and narratives as XHTML content, unless
/// the XML has no narrative there. A validator case's .xml/.json pair must be the same tree.
/// </summary>
public sealed class XmlTwinTests
{
    public static TheoryData<string> XmlFiles()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "validator", "fhirpath" })
            if (SharedConformance.Folder(folder) is { } path)
                foreach (var xml in Directory.GetFiles(path, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    if (!xml.EndsWith("tests-fhir-r4.xml", StringComparison.Ordinal)) data.Add(Path.GetRelativePath(SharedConformance.Root!, xml));
        if (data.Count == 0) data.Add("(material absent)");
        return data;
    }

    [ConformanceTheory("validator")]
    [MemberData(nameof(XmlFiles))]
    public void Xml_file_reads_and_round_trips_through_json_and_xml_unchanged(string file)
    {
        var path = Path.Combine(SharedConformance.Root!, file);
        var fromXml = Parser.Parse(File.ReadAllBytes(path), path);
        Assert.DoesNotContain(fromXml.Issues, i => i.Severity == IssueSeverity.Fatal);
        if (fromXml.Root is null) return; // an unknown root element: reported, nothing to compare
        var viaJson = JsonParser.Parse(JsonWriter.ToUtf8Bytes(fromXml.Root), "via.json");
        Assert.Null(FirstDifference(fromXml.Root, viaJson.Root!));
        var issues = new List<Issue>();
        var viaXml = Parser.Parse(Writer.ToXml(viaJson.Root!, pretty: false, issues), "via.xml");
        Assert.Empty(issues);
        Assert.Null(FirstDifference(fromXml.Root, viaXml.Root!));
    }

    public static TheoryData<string> Twins()
    {
        var data = new TheoryData<string>();
        foreach (var (xml, _, _) in Pairs()) data.Add(Path.GetRelativePath(SharedConformance.Root!, xml));
        if (data.Count == 0) data.Add("(material absent)");
        return data;
    }

    [ConformanceTheory("fhirpath")]
    [MemberData(nameof(Twins))]
    public void Xml_file_agrees_with_its_json_twin(string file)
    {
        var (xml, json, exact) = Pairs().Single(p => Path.GetRelativePath(SharedConformance.Root!, p.Xml) == file);
        var fromXml = Parser.Parse(File.ReadAllBytes(xml), xml);
        Assert.DoesNotContain(fromXml.Issues, i => i.Severity == IssueSeverity.Fatal);
        var fromJson = JsonParser.Parse(File.ReadAllBytes(json), json);
        if (exact)
        {
            Assert.Null(FirstDifference(fromJson.Root!, fromXml.Root!));
            return;
        }
        var inXml = Values(fromXml.Root!).ToHashSet();
        var narratives = Narratives(fromXml.Root!).ToHashSet();
        var missing = Values(fromJson.Root!).Where(v => !inXml.Contains(v) && !NarrativeAbsent(v, narratives)).ToList();
        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing.Take(5)));
    }

    private static IEnumerable<(string Xml, string Json, bool Exact)> Pairs()
    {
        if (SharedConformance.Folder("fhirpath") is { } fhirpath)
            foreach (var xml in Directory.GetFiles(Path.Combine(fhirpath, "input"), "*.xml").Order(StringComparer.Ordinal))
            {
                var json = Path.Combine(fhirpath, "input-json-candidates", Path.GetFileNameWithoutExtension(xml) + ".json");
                if (File.Exists(json)) yield return (xml, json, false);
            }
        if (SharedConformance.Folder("validator") is { } validator)
            foreach (var xml in Directory.GetFiles(validator, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (Path.ChangeExtension(xml, ".json") is var json && File.Exists(json)) yield return (xml, json, true);
    }

    /// <summary>Every value of a tree as "location = value" with whitespace runs as one space, narratives as their XHTML content (elements, attributes, text).</summary>
    private static IEnumerable<string> Values(ElementNode node)
    {
        if (node.Text is { } text) yield return $"{node.Location} = {(node.Property is { IsXhtml: true } ? XhtmlContent(text) : Collapsed(text))}";
        foreach (var child in node.Children)
            foreach (var value in Values(child)) yield return value;
    }

    private static IEnumerable<string> Narratives(ElementNode node) =>
        node.InstanceType == "Narrative" ? [node.Location] : node.Children.SelectMany(Narratives);

    private static bool NarrativeAbsent(string value, HashSet<string> narratives)
    {
        var at = value.IndexOf(".text.", StringComparison.Ordinal);
        return at > 0 && !narratives.Contains(value[..(at + 5)]);
    }

    private static string Collapsed(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string XhtmlContent(string xhtml)
    {
        var sb = new StringBuilder();
        using var r = XmlReader.Create(new StringReader(xhtml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                sb.Append('<').Append(r.LocalName);
                for (var more = r.MoveToFirstAttribute(); more; more = r.MoveToNextAttribute()) sb.Append(' ').Append(r.Name).Append("=\"").Append(r.Value).Append('"');
                r.MoveToElement();
                sb.Append('>');
            }
            else if (r.NodeType == XmlNodeType.EndElement) sb.Append("</").Append(r.LocalName).Append('>');
            else if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA) sb.Append(Collapsed(r.Value));
        }
        return sb.ToString();
    }
}
