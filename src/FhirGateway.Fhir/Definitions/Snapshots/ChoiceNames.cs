namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>Renamed choice elements: <c>valueQuantity</c> names <c>value[x]</c> restricted to Quantity.</summary>
internal static class ChoiceNames
{
    public static bool IsChoice(string name) => name.EndsWith("[x]", StringComparison.Ordinal);

    /// <summary>
    /// The type a renamed choice names, when <paramref name="name"/> renames the choice <paramref name="choiceName"/>:
    /// one of the element's type codes whose capitalised form is the suffix, else the suffix itself (which the
    /// type merge then reports as not allowed).
    /// </summary>
    public static string? RenamedType(string choiceName, string name, IReadOnlyList<TypeRefInfo> types)
    {
        if (!IsChoice(choiceName)) return null;
        var prefix = choiceName[..^3];
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal) || !char.IsUpper(name[prefix.Length]))
            return null;
        var suffix = name[prefix.Length..];
        var listed = types.FirstOrDefault(t => string.Equals(Capitalise(t.Code), suffix, StringComparison.Ordinal));
        return listed?.Code ?? suffix;
    }

    private static string Capitalise(string code) => code.Length == 0 ? code : char.ToUpperInvariant(code[0]) + code[1..];
}
