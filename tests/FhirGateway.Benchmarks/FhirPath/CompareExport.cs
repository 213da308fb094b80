using System.Text.Json;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Tests.Corpus;

namespace FhirGateway.Benchmarks.FhirPath;

/// <summary>
/// Writes the FHIRPath workloads as JSON for tools/fhirpath-compare, so fhirpath.js runs the same expressions on the
/// same inputs: <c>{"suite": [{expression, input}], "invariants": [{file, node, resource, rootResource, base, expression}]}</c>,
/// where node, resource and rootResource are JSON steps from the file's root and base the element's path for fhirpath.js.
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
            Steps(w, "node", node);
            Steps(w, "resource", resource);
            Steps(w, "rootResource", root);
            w.WriteString("base", TypePath(node));
            w.WriteString("expression", e.Expression.Text);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The JSON steps from the file's root object to the node: property names (wire names) and array indexes.</summary>
    private static void Steps(Utf8JsonWriter w, string name, ElementNode node)
    {
        var chain = new List<ElementNode>();
        for (var n = node; n.Parent is not null; n = n.Parent) chain.Add(n);
        chain.Reverse();
        w.WriteStartArray(name);
        foreach (var n in chain)
        {
            w.WriteStringValue(n.JsonName);
            if (n.InArray) w.WriteNumberValue(n.Index);
        }
        w.WriteEndArray();
    }

    /// <summary>The element's path from its resource in wire names without indexes (<c>Observation.valueQuantity</c>): fhirpath.js's base path.</summary>
    private static string TypePath(ElementNode node)
    {
        if (node.IsResource || node.Parent is null) return node.InstanceType ?? node.Name;
        return TypePath(node.Parent) + "." + node.JsonName;
    }
}
