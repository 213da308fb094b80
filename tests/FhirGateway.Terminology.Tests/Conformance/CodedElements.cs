using FhirGateway.Fhir.Model;

namespace FhirGateway.Terminology.Tests.Conformance;

/// <summary>One coded value found in an instance: where, how it is bound (by the base definitions), and its system, code and display.</summary>
internal sealed record CodedValue(string Location, string Type, string? Strength, string? ValueSet, string? System, string Code, string? Display, int Group);

/// <summary>
/// Walks an element tree and yields every coded value: <c>code</c> primitives, Codings (also those inside a
/// CodeableConcept, which share a group number) and Quantities with a code, with the binding the type model's
/// element definition gives (base resource and data type definitions, no profiles).
/// </summary>
internal static class CodedElements
{
    public static IEnumerable<CodedValue> Walk(ElementNode root)
    {
        var group = 0;
        return Walk(root, null, () => ++group);
    }

    private static IEnumerable<CodedValue> Walk(ElementNode node, ElementNode? bindingHolder, Func<int> nextGroup)
    {
        var binding = (bindingHolder ?? node).Definition?.Binding;
        switch (node.InstanceType)
        {
            case "code" when node.Text is { } text && bindingHolder is null:
                yield return new CodedValue(node.Location, "code", binding?.Strength, binding?.ValueSet, null, text, null, nextGroup());
                yield break;
            case "Coding" or "Quantity":
                if (Value(node, "code") is { } code)
                    yield return new CodedValue(node.Location, node.InstanceType, binding?.Strength, binding?.ValueSet, Value(node, "system"), code, Value(node, "display"),
                        bindingHolder is null ? nextGroup() : -1);
                yield break;
            case "CodeableConcept":
                var group = nextGroup();
                foreach (var coding in node.ChildrenNamed("coding"))
                    foreach (var v in Walk(coding, node, nextGroup))
                        yield return v with { Group = group };
                yield break;
        }
        foreach (var child in node.Children)
            foreach (var v in Walk(child, null, nextGroup))
                yield return v;
    }

    private static string? Value(ElementNode node, string name) => node.Child(name)?.Text;
}
