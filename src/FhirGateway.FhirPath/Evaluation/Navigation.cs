using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Member navigation over element trees (spec §Path selection): children by FHIRPath name, flattened in order.</summary>
internal static class Navigation
{
    public static IReadOnlyList<object> Children(IReadOnlyList<object> input, string name)
    {
        if (input.Count == 0) return Items.Empty;
        List<object>? result = null;
        for (var i = 0; i < input.Count; i++)
        {
            switch (input[i])
            {
                case ElementNode node:
                    var children = node.ChildrenWithName(name);
                    if (children.Count == 0) break;
                    result ??= new List<object>(children.Count);
                    for (var j = 0; j < children.Count; j++) result.Add(children[j]);
                    break;
                case TypeInfoValue t when name == "namespace":
                    (result ??= []).Add(t.Namespace);
                    break;
                case TypeInfoValue t when name == "name":
                    (result ??= []).Add(t.Name);
                    break;
            }
        }
        return result ?? Items.Empty;
    }

    /// <summary>An identifier at the start of a path that names the input's type (<c>Patient.name</c>) selects the input itself; otherwise it is a child name.</summary>
    public static IReadOnlyList<object> TypeOrChild(IReadOnlyList<object> input, string name, FhirPathType type, ITypeModel? model)
    {
        if (input.Count == 1 && input[0] is ElementNode n && n.InstanceType is not null && type.Matches(n, model)) return input;
        List<object>? result = null;
        foreach (var item in input)
        {
            if (item is ElementNode node && node.InstanceType is not null && type.Matches(node, model)) (result ??= []).Add(item);
        }
        return result ?? Children(input, name);
    }

    /// <summary>All descendants in document order (depth first), not including the nodes themselves.</summary>
    public static void AddDescendants(ElementNode node, List<object> into)
    {
        foreach (var c in node.Children)
        {
            into.Add(c);
            AddDescendants(c, into);
        }
    }
}
