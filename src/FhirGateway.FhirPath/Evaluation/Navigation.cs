using FhirGateway.Fhir.Model;

namespace FhirGateway.FhirPath.Evaluation;

/// <summary>Member navigation over element trees (spec §Path selection): children by FHIRPath name, flattened in order.</summary>
internal static class Navigation
{
    /// <summary>From this many children on, a node answers by-name look-ups from its name index (a Bundle with thousands of entries stays linear).</summary>
    private const int Large = 16;

    public static IReadOnlyList<object> Children(IReadOnlyList<object> input, string name)
    {
        if (input.Count == 0) return Items.Empty;
        if (input.Count == 1 && input[0] is ElementNode single) return ChildrenOf(single, name);
        List<object>? result = null;
        for (var i = 0; i < input.Count; i++)
        {
            switch (input[i])
            {
                case ElementNode node:
                    if (node.Children.Count >= Large)
                    {
                        var named = node.ChildrenWithName(name);
                        for (var j = 0; j < named.Count; j++) (result ??= new List<object>(named.Count)).Add(named[j]);
                        break;
                    }
                    var children = node.Children;
                    for (var j = 0; j < children.Count; j++)
                    {
                        var c = children[j];
                        if (IsNamed(c, name)) (result ??= new List<object>(input.Count)).Add(c);
                    }
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

    /// <summary>The children of one node with the name, in an array of the exact size (one allocation, none when there are none).</summary>
    private static IReadOnlyList<object> ChildrenOf(ElementNode node, string name)
    {
        var children = node.Children;
        if (children.Count >= Large) return node.ChildrenWithName(name);
        var count = 0;
        for (var j = 0; j < children.Count; j++)
            if (IsNamed(children[j], name)) count++;
        if (count == 0) return Items.Empty;
        var result = new object[count];
        var k = 0;
        for (var j = 0; j < children.Count && k < count; j++)
            if (IsNamed(children[j], name)) result[k++] = children[j];
        return result;
    }

    /// <summary>How many children with the name the items have, without collecting them (count(), exists(), empty() on a member).</summary>
    public static int CountChildren(IReadOnlyList<object> input, string name, int stopAt = int.MaxValue)
    {
        var count = 0;
        for (var i = 0; i < input.Count && count < stopAt; i++)
        {
            if (input[i] is ElementNode node)
            {
                if (node.Children.Count >= Large)
                {
                    count += node.ChildrenWithName(name).Count;
                    continue;
                }
                var children = node.Children;
                for (var j = 0; j < children.Count; j++)
                    if (IsNamed(children[j], name) && ++count >= stopAt) return count;
            }
            else if (input[i] is TypeInfoValue && name is "namespace" or "name") count++;
        }
        return count;
    }

    /// <summary>How many children the items have in all (children().count()).</summary>
    public static int CountAllChildren(IReadOnlyList<object> input)
    {
        var count = 0;
        for (var i = 0; i < input.Count; i++)
            if (input[i] is ElementNode node) count += node.Children.Count;
        return count;
    }

    private static bool IsNamed(ElementNode c, string name) => ReferenceEquals(c.Name, name) || c.Name == name;

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
