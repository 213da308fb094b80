using System.Collections.Frozen;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// The children of an element: each present child is validated against its definition (through its slicing
/// when sliced), and each child definition's cardinality is checked against how many the instance has.
/// Cardinality issues sit on the parent, as the missing or surplus elements have no place of their own.
/// </summary>
internal sealed class ChildrenCheck : IElementCheck
{
    private readonly ChildSpec[] _children;
    private readonly FrozenDictionary<string, ChildSpec> _byName;
    private readonly ChildSpec[] _required;
    private readonly ChildSpec[] _requiredSlices;
    private readonly string _from;

    public ChildrenCheck(IReadOnlyList<ChildSpec> children, string from)
    {
        _children = [.. children];
        var byName = new Dictionary<string, ChildSpec>(StringComparer.Ordinal);
        foreach (var c in _children) byName.TryAdd(c.Name, c);
        _byName = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _required = _children.Where(c => c.Cardinality.Min > 0).ToArray();
        _requiredSlices = _children.Where(c => c.Slicing?.Cases.Any(s => s.Cardinality.Min > 0) == true).ToArray();
        _from = from;
    }

    public IReadOnlyList<ChildSpec> Children => _children;

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        ResultBuilder? result = null;
        var children = node.Children;
        var i = 0;
        while (i < children.Count)
        {
            var name = children[i].Name;
            var end = i + 1;
            while (end < children.Count && string.Equals(children[end].Name, name, StringComparison.Ordinal)) end++;
            if (_byName.TryGetValue(name, out var spec))
            {
                if (!RepeatsLater(children, end, name)) Add(ref result, ValidateGroup(node, spec, children, i, end, run));
                else if (i == FirstIndexOf(children, name))
                {
                    var scattered = children.Where(c => c.Name == name).ToArray();
                    Add(ref result, ValidateGroup(node, spec, scattered, 0, scattered.Length, run));
                }
            }
            i = end;
        }
        foreach (var spec in _required)
            if (node.Child(spec.Name) is null && !Unreadable(node, spec, run))
                Add(ref result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMin, node, spec.Path, spec.Cardinality.Min, 0, _from)));
        foreach (var spec in _requiredSlices)
            if (node.Child(spec.Name) is null)
                Add(ref result, spec.Slicing!.Validate(node, [], spec.Schema, run));
        return result?.ToResult() ?? CheckResult.Success;
    }

    /// <summary>Gathers results without copying the issues so far at every child (a Bundle has thousands); the builder is made at the first result that is not a plain success.</summary>
    private static void Add(ref ResultBuilder? builder, in CheckResult result)
    {
        if (result.Verdict == Verdict.Success && result.Issues.Count == 0) return;
        (builder ??= new ResultBuilder()).Add(result);
    }

    /// <summary>True when the missing child was in the text but the reader could not read it (and said so).</summary>
    private static bool Unreadable(ElementNode node, ChildSpec spec, ValidationRun run)
    {
        if (run.Unreadable.IsEmpty) return false;
        var location = node.Location + "." + spec.Name;
        return spec.Schema.Definition.Path.EndsWith("[x]", StringComparison.Ordinal) ? run.Unreadable.AtChoice(location) : run.Unreadable.At(location);
    }

    /// <summary>The children [start, end) of one name: their count against the cardinality, each against the definition (through its slicing when sliced).</summary>
    private CheckResult ValidateGroup(ElementNode parent, ChildSpec spec, IReadOnlyList<ElementNode> items, int start, int end, ValidationRun run)
    {
        ResultBuilder? result = null;
        var cardinality = spec.Cardinality;
        var count = end - start;
        if (count < cardinality.Min)
            Add(ref result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMin, parent, spec.Path, cardinality.Min, count, _from)));
        else if (count > cardinality.Max)
            Add(ref result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMax, parent, spec.Path, cardinality.MaxText, count, _from)));
        if (spec.Slicing is { } slicing)
            Add(ref result, slicing.Validate(parent, start == 0 && end == items.Count ? items : items.Skip(start).Take(count).ToArray(), spec.Schema, run));
        else
            for (var k = start; k < end; k++) Add(ref result, spec.Schema.Validate(items[k], run));
        return result?.ToResult() ?? CheckResult.Success;
    }

    /// <summary>True when children of this name come again after the run ending at <paramref name="end"/> (readers keep them together; an element tree built otherwise may not).</summary>
    private static bool RepeatsLater(IReadOnlyList<ElementNode> children, int end, string name)
    {
        for (var k = end; k < children.Count; k++)
            if (string.Equals(children[k].Name, name, StringComparison.Ordinal)) return true;
        return false;
    }

    private static int FirstIndexOf(IReadOnlyList<ElementNode> children, string name)
    {
        for (var k = 0; k < children.Count; k++)
            if (string.Equals(children[k].Name, name, StringComparison.Ordinal)) return k;
        return -1;
    }
}
