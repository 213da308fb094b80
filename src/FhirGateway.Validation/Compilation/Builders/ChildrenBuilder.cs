using FhirGateway.Validation.Checks;
using FhirGateway.Validation.Schema;
using FhirGateway.Validation.Slicing;

namespace FhirGateway.Validation.Compilation.Builders;

/// <summary>
/// The child elements of an element in the snapshot → one <see cref="ChildrenCheck"/> with, per child, its
/// cardinality, its compiled schema and its slicing. A primitive type's <c>value</c> element is not a child:
/// it is the node's text, checked by <see cref="PrimitiveValueBuilder"/>.
/// </summary>
internal sealed class ChildrenBuilder : ICheckBuilder
{
    public void Build(ElementToCompile element, List<IElementCheck> checks)
    {
        var node = element.Node;
        if (node.Children.Count == 0) return;
        var context = element.Context;
        var specs = new List<ChildSpec>(node.Children.Count);
        foreach (var child in node.Children)
        {
            if (element.IsRoot && context.IsPrimitiveType && child.Name == "value") continue;
            var name = child.Name.EndsWith("[x]", StringComparison.Ordinal) ? child.Name[..^3] : child.Name;
            var schema = context.Compile(child, element.InSlice);
            var slicing = SliceGroupBuilder.Build(child, context, element.InSlice);
            specs.Add(new ChildSpec(name, child.Element.Id ?? child.Path, Cardinality.Of(child.Element.Min, child.Element.Max), schema, slicing));
        }
        checks.Add(new ChildrenCheck(specs, context.From));
    }
}
