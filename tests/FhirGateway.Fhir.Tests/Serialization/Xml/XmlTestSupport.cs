using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Fhir.Serialization.Xml;

namespace FhirGateway.Fhir.Tests.Serialization.Xml;

/// <summary>The readers and writers over R4 core, and a structural comparison of two element trees.</summary>
internal static class XmlTestSupport
{
    public static readonly FhirXmlParser Parser = new(StructureTypeModel.R4Core);
    public static readonly FhirJsonParser JsonParser = new(Parser.Tables);
    public static readonly FhirJsonWriter JsonWriter = new(Parser.Tables);
    public static readonly FhirXmlWriter Writer = new();

    public static FhirParseResult Parse(string xml) => Parser.Parse(xml, "t.xml");

    /// <summary>Parses XML that must read cleanly and returns its root.</summary>
    public static ElementNode ParseClean(string xml)
    {
        var result = Parse(xml);
        Assert.True(result.Issues.Count == 0, string.Join(Environment.NewLine, result.Issues));
        return Assert.IsType<ElementNode>(result.Root);
    }

    /// <summary>The issues of a parse, which must all have the given code (and there must be some).</summary>
    public static IReadOnlyList<Issue> IssuesOf(string xml, IssueDefinition expected)
    {
        var result = Parse(xml);
        Assert.True(result.Issues.Count > 0 && result.Issues.All(i => i.Definition == expected),
            $"expected only {expected.Id}, got:{Environment.NewLine}{string.Join(Environment.NewLine, result.Issues)}");
        return result.Issues;
    }

    /// <summary>A resource in FHIR XML: <paramref name="body"/> inside the root element of <paramref name="type"/>.</summary>
    public static string Resource(string type, string body) => $"<{type} xmlns=\"http://hl7.org/fhir\">{body}</{type}>";

    /// <summary>The first difference between two trees (names, types, values, indexes, children in write order), or null.</summary>
    public static string? FirstDifference(ElementNode expected, ElementNode actual)
    {
        if (expected.JsonName != actual.JsonName || expected.Name != actual.Name) return $"{expected.Location}: named {actual.JsonName}";
        if (expected.InstanceType != actual.InstanceType) return $"{expected.Location}: type {expected.InstanceType}, got {actual.InstanceType}";
        if (expected.Text != actual.Text) return $"{expected.Location}: value '{Short(expected.Text)}', got '{Short(actual.Text)}'";
        if (expected.Location != actual.Location) return $"{expected.Location}: at {actual.Location}";
        var a = InWriteOrder(expected);
        var b = InWriteOrder(actual);
        for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
            if (FirstDifference(a[i], b[i]) is { } d) return d;
        return a.Count == b.Count ? null : $"{expected.Location}: {a.Count} children, got {b.Count}";
    }

    private static List<ElementNode> InWriteOrder(ElementNode node)
    {
        var list = new List<ElementNode>();
        ChildOrder.ForEachGroup(node, list, static (l, group) => l.AddRange(group.ToArray()));
        return list;
    }

    private static string? Short(string? s) => s is null || s.Length <= 80 ? s : s[..80] + "…";

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
