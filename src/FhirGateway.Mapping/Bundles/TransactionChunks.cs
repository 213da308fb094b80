using System.Text.Json.Nodes;

namespace FhirGateway.Mapping.Bundles;

/// <summary>
/// Splits a transaction's entries into transactions of at most a partner's limit, in dependency order: an entry
/// another entry references (by its <c>urn:uuid</c> fullUrl) goes in the same or an earlier transaction. Entries that
/// reference each other in a cycle stay together where the limit allows. Deterministic.
/// </summary>
public static class TransactionChunks
{
    public const string UrnPrefix = "urn:uuid:";

    /// <summary>The entry indexes of each transaction, in sending order; one transaction of all entries when <paramref name="max"/> is null or not exceeded.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Split(IReadOnlyList<JsonObject> entries, int? max)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (max is null || entries.Count <= max) return [Enumerable.Range(0, entries.Count).ToList()];
        var limit = Math.Max(1, max.Value);
        var chunks = new List<IReadOnlyList<int>>();
        var current = new List<int>();
        foreach (var group in DependencyOrder(entries))
        {
            if (current.Count > 0 && current.Count + group.Count > limit)
            {
                chunks.Add(current);
                current = [];
            }
            foreach (var index in group)
            {
                if (current.Count == limit)
                {
                    chunks.Add(current);
                    current = [];
                }
                current.Add(index);
            }
        }
        if (current.Count > 0) chunks.Add(current);
        return chunks;
    }

    /// <summary>The <c>urn:uuid</c> references a resource makes to other entries.</summary>
    public static IEnumerable<string> UrnReferences(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name == "reference" && value is JsonValue v && v.TryGetValue<string>(out var reference) && reference.StartsWith(UrnPrefix, StringComparison.Ordinal))
                        yield return reference;
                    else
                        foreach (var found in UrnReferences(value)) yield return found;
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                    foreach (var found in UrnReferences(item)) yield return found;
                break;
        }
    }

    /// <summary>Groups of mutually dependent entries (strongly connected components), dependencies first, ties by entry order.</summary>
    private static List<List<int>> DependencyOrder(IReadOnlyList<JsonObject> entries)
    {
        var byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < entries.Count; i++)
            if ((string?)entries[i]["fullUrl"] is { } url) byUrl.TryAdd(url, i);
        var edges = entries.Select(e => UrnReferences(e["resource"]).Select(r => byUrl.TryGetValue(r, out var j) ? j : -1)
            .Where(j => j >= 0).Distinct().Order().ToList()).ToList();
        var components = new StronglyConnected(edges).Components();
        return components;
    }

    /// <summary>Tarjan's algorithm; components come out dependencies first (reverse topological order of the condensation).</summary>
    private sealed class StronglyConnected(IReadOnlyList<List<int>> edges)
    {
        private readonly int[] _index = Enumerable.Repeat(-1, edges.Count).ToArray();
        private readonly int[] _low = new int[edges.Count];
        private readonly bool[] _onStack = new bool[edges.Count];
        private readonly Stack<int> _stack = new();
        private readonly List<List<int>> _components = [];
        private int _next;

        public List<List<int>> Components()
        {
            for (var v = 0; v < edges.Count; v++)
                if (_index[v] < 0) Visit(v);
            return _components;
        }

        private void Visit(int v)
        {
            _index[v] = _low[v] = _next++;
            _stack.Push(v);
            _onStack[v] = true;
            foreach (var w in edges[v])
            {
                if (_index[w] < 0)
                {
                    Visit(w);
                    _low[v] = Math.Min(_low[v], _low[w]);
                }
                else if (_onStack[w]) _low[v] = Math.Min(_low[v], _index[w]);
            }
            if (_low[v] != _index[v]) return;
            var component = new List<int>();
            int x;
            do
            {
                x = _stack.Pop();
                _onStack[x] = false;
                component.Add(x);
            }
            while (x != v);
            component.Sort();
            _components.Add(component);
        }
    }
}
