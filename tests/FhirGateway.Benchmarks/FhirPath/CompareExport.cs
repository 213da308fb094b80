using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Tests.Corpus;

namespace FhirGateway.Benchmarks.FhirPath;

/// <summary>
/// Writes the FHIRPath workloads as JSON for tools/fhirpath-compare, so fhirpath.js runs the same expressions on the
/// same inputs: <c>{"suite": [{expression, input}], "invariants": [{file, path, resource, rootResource, expression}]}</c>,
/// where each path is a FHIRPath navigation from the file's resource (<c>Patient.contact[0].name</c>).
/// </summary>
internal static class CompareExport
{
    public static void Write(string target)
    {
        var compiler = FhirPathWorkload.NewCompiler();
        using var stream = File.Create(target);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        w.WriteStartObject();
        w.WriteStartArray("suite");
        foreach (var e in FhirPathWorkload.Suite(compiler))
        {
            w.WriteStartObject();
            w.WriteString("expression", e.Expression.Text);
            if (e.InputFile is null) w.WriteNull("input");
            else w.WriteString("input", e.InputFile);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("invariants");
        var files = CoreInvariantCorpus.LoadResourceFiles();
        foreach (var e in FhirPathWorkload.CoreInvariants(compiler, files.Keys))
        {
            var node = e.Input!;
            var resource = node.ResourceRoot!;
            var root = resource;
            while (root is { Name: "contained", Parent: { } p } && p.ResourceRoot is { } outer) root = outer;
            var top = root;
            while (top.Parent is not null) top = top.Parent;
            w.WriteStartObject();
            w.WriteString("file", files[top]);
            w.WriteString("path", PathOf(node));
            w.WriteString("resource", PathOf(resource));
            w.WriteString("rootResource", PathOf(root));
            w.WriteString("expression", e.Expression.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static readonly HashSet<string> Keywords = ["div", "mod", "and", "or", "xor", "implies", "in", "contains", "as", "is", "true", "false"];

    /// <summary>The FHIRPath navigation to a node from its root: names (not wire names, keywords delimited) with indexes on repeating elements.</summary>
    private static string PathOf(ElementNode node)
    {
        if (node.Parent is null) return node.Name;
        var sb = new StringBuilder(PathOf(node.Parent)).Append('.');
        sb.Append(Keywords.Contains(node.Name) ? $"`{node.Name}`" : node.Name);
        if (node.InArray) sb.Append('[').Append(node.Index).Append(']');
        return sb.ToString();
    }
}
