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
        var result = CheckResult.Success;
        var children = node.Children;
        var i = 0;
        while (i < children.Count)
        {
            var name = children[i].Name;
            var end = i + 1;
            while (end < children.Count && string.Equals(children[end].Name, name, StringComparison.Ordinal)) end++;
            if (_byName.TryGetValue(name, out var spec) && GroupOf(children, i, end, name) is { } group)
                result = CheckResult.Combine(result, ValidateGroup(node, spec, group, run));
            i = end;
        }
        foreach (var spec in _required)
            if (node.Child(spec.Name) is null)
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMin, node, spec.Path, spec.Cardinality.Min, 0, _from)));
        foreach (var spec in _requiredSlices)
            if (node.Child(spec.Name) is null)
                result = CheckResult.Combine(result, spec.Slicing!.Validate(node, [], spec.Schema, run));
        return result;
    }

    private CheckResult ValidateGroup(ElementNode parent, ChildSpec spec, IReadOnlyList<ElementNode> items, ValidationRun run)
    {
        var result = CheckResult.Success;
        var cardinality = spec.Cardinality;
        if (items.Count < cardinality.Min)
            result = CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMin, parent, spec.Path, cardinality.Min, items.Count, _from));
        else if (items.Count > cardinality.Max)
            result = CheckResult.Of(IssueAt.Node(IssueCatalogue.ValCardinalityMax, parent, spec.Path, cardinality.MaxText, items.Count, _from));
        if (spec.Slicing is { } slicing) return CheckResult.Combine(result, slicing.Validate(parent, items, spec.Schema, run));
        foreach (var item in items) result = CheckResult.Combine(result, spec.Schema.Validate(item, run));
        return result;
    }

    /// <summary>
    /// The children named <paramref name="name"/>: the run [start, end) when they are adjacent (as every reader
    /// produces them); when they are not, every child of that name for the first run and null for the later ones.
    /// </summary>
    private static IReadOnlyList<ElementNode>? GroupOf(IReadOnlyList<ElementNode> children, int start, int end, string name)
    {
        for (var k = end; k < children.Count; k++)
            if (string.Equals(children[k].Name, name, StringComparison.Ordinal))
                return start == FirstIndexOf(children, name) ? children.Where(c => c.Name == name).ToArray() : null;
        if (end - start == 1) return [children[start]];
        var group = new ElementNode[end - start];
        for (var k = start; k < end; k++) group[k - start] = children[k];
        return group;
    }

    private static int FirstIndexOf(IReadOnlyList<ElementNode> children, string name)
    {
        for (var k = 0; k < children.Count; k++)
            if (string.Equals(children[k].Name, name, StringComparison.Ordinal)) return k;
        return -1;
    }
}
