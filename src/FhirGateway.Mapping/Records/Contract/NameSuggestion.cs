namespace FhirGateway.Mapping.Records.Contract;

/// <summary>
/// The known field a mistyped name most likely meant: the same name in other case (<c>alsfrsr</c> → <c>alsfrsR</c>),
/// else the nearest by edit distance (insert, delete, substitute, swap of neighbours) when it is close enough to be
/// a typo (at most 1 edit for short names, 2 for longer ones) and no other name is as close.
/// </summary>
internal static class NameSuggestion
{
    public static string? For(string name, IEnumerable<string> known)
    {
        var candidates = known.Where(k => k != name).Distinct(StringComparer.Ordinal).ToList();
        var sameLetters = candidates.Where(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameLetters.Count == 1) return sameLetters[0];
        var allowed = name.Length <= 4 ? 1 : 2;
        var scored = candidates.Select(k => (Name: k, Distance: Distance(name.ToLowerInvariant(), k.ToLowerInvariant())))
            .Where(x => x.Distance <= allowed).OrderBy(x => x.Distance).ToList();
        if (scored.Count == 0) return null;
        return scored.Count > 1 && scored[1].Distance == scored[0].Distance ? null : scored[0].Name;
    }

    /// <summary>Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a substring).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
