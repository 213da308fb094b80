using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// A node's children as writers emit them: grouped by wire name, groups in definition order
/// (<see cref="PropertyDescriptor.Order"/>), children the definitions do not know last, document order otherwise.
/// </summary>
public static class ChildOrder
{
    /// <summary>Calls <paramref name="writeGroup"/> once per wire name with that name's children, in write order.</summary>
    public static void ForEachGroup<TState>(ElementNode node, TState state, Action<TState, ReadOnlySpan<ElementNode>> writeGroup)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(writeGroup);
        var children = node.Children;
        var count = children.Count;
        if (count == 0) return;
        var sorted = new ElementNode[count];
        var keys = new long[count];
        var inOrder = true;
        for (var i = 0; i < count; i++)
        {
            sorted[i] = children[i];
            keys[i] = ((long)(children[i].Property?.Order ?? int.MaxValue) << 32) | (uint)i;
            if (i > 0 && keys[i] < keys[i - 1]) inOrder = false;
        }
        if (!inOrder) Array.Sort(keys, sorted);

        var group = new ElementNode[count];
        var used = new bool[count];
        for (var s = 0; s < count; s++)
        {
            if (used[s]) continue;
            var first = sorted[s];
            var order = keys[s] >> 32;
            var n = 0;
            for (var j = s; j < count && keys[j] >> 32 == order; j++)
            {
                if (used[j] || !string.Equals(sorted[j].JsonName, first.JsonName, StringComparison.Ordinal)) continue;
                used[j] = true;
                group[n++] = sorted[j];
            }
            writeGroup(state, group.AsSpan(0, n));
        }
    }
}
