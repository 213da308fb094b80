using System.Collections.Frozen;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// A held CodeSystem compiled for look-ups: every concept (nested ones too) by code in a frozen hash table,
/// a case-insensitive table for systems that are not case-sensitive (and for "did you mean" hints), and the
/// hierarchy from nesting and from <c>parent</c>/<c>child</c> properties. Immutable and thread-safe.
/// </summary>
public sealed class CodeSystemIndex
{
    private readonly FrozenDictionary<string, Concept> _byCode;
    private readonly FrozenDictionary<string, Concept> _byCodeIgnoringCase;

    public CodeSystemIndex(CodeSystemInfo definition)
    {
        Definition = definition ?? throw new ArgumentNullException(nameof(definition));
        var all = new List<Concept>();
        var byCode = new Dictionary<string, Concept>(StringComparer.Ordinal);
        var pending = new List<(Concept Concept, PropertyValue Link)>();
        foreach (var c in definition.Concepts) Add(c, null, all, byCode, pending);
        foreach (var (concept, link) in pending)
        {
            if (!byCode.TryGetValue(link.Value, out var other)) continue;
            if (link.Code == "parent") Concept.Link(other, concept);
            else Concept.Link(concept, other);
        }
        All = all;
        Roots = all.Where(c => c.Parents.Count == 0).ToArray();
        _byCode = byCode.ToFrozenDictionary(StringComparer.Ordinal);
        var ignoringCase = new Dictionary<string, Concept>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in all) ignoringCase.TryAdd(c.Code, c);
        _byCodeIgnoringCase = ignoringCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public CodeSystemInfo Definition { get; }
    public string Url => Definition.Url;
    public string? Version => Definition.Version;

    /// <summary>Only an explicit <c>caseSensitive: true</c> makes the system case-sensitive (R4 gives no default; the lenient reading avoids false alarms).</summary>
    public bool CaseSensitive => Definition.CaseSensitive == true;

    /// <summary>complete, fragment, example, not-present (null read as complete).</summary>
    public string Content => Definition.Content ?? "complete";

    /// <summary>Every concept, depth-first in definition order.</summary>
    public IReadOnlyList<Concept> All { get; }

    /// <summary>The concepts without a parent.</summary>
    public IReadOnlyList<Concept> Roots { get; }

    /// <summary>The concept with exactly this code.</summary>
    public Concept? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The concept whose code equals this one ignoring case.</summary>
    public Concept? FindIgnoringCase(string code) => _byCodeIgnoringCase.GetValueOrDefault(code);

    /// <summary>The concept itself and every concept below it (is-a), each once, even in a poly-hierarchy.</summary>
    public static IReadOnlyCollection<Concept> SelfAndDescendants(Concept root) => Closure(root, c => c.Children);

    /// <summary>The concept itself and every concept above it.</summary>
    public static IReadOnlyCollection<Concept> SelfAndAncestors(Concept root) => Closure(root, c => c.Parents);

    private static HashSet<Concept> Closure(Concept root, Func<Concept, IReadOnlyList<Concept>> next)
    {
        var seen = new HashSet<Concept>(ReferenceEqualityComparer.Instance) { root };
        var stack = new Stack<Concept>();
        stack.Push(root);
        while (stack.Count > 0)
            foreach (var n in next(stack.Pop()))
                if (seen.Add(n)) stack.Push(n);
        return seen;
    }

    private static void Add(CodeSystemConceptInfo info, Concept? parent, List<Concept> all, Dictionary<string, Concept> byCode,
        List<(Concept, PropertyValue)> pending)
    {
        var properties = info.Properties.Select(PropertyValue.From).ToArray();
        var concept = new Concept(info.Code, info.Display, info.Designations, properties, ConceptStatus.Read(properties));
        if (byCode.TryAdd(info.Code, concept)) all.Add(concept);
        else concept = byCode[info.Code]; // a code listed twice (poly-hierarchy written out): one concept, both parents
        if (parent is not null) Concept.Link(parent, concept);
        foreach (var p in properties)
            if (p.Code is "parent" or "child") pending.Add((concept, p));
        foreach (var child in info.Concepts) Add(child, concept, all, byCode, pending);
    }

    public override string ToString() => Definition.Canonical;
}
