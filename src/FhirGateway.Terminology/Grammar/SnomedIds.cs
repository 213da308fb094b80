namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// The form of SNOMED CT identifiers (SNOMED CT Technical Implementation Guide, "SCTID"): 6 to 18 digits, no
/// leading zero, a partition identifier and a Verhoeff check digit. Expressions (with <c>:</c>, <c>=</c>, <c>|</c>…)
/// are not identifiers and are not checked here.
/// </summary>
public static class SnomedIds
{
    // The Verhoeff dihedral-group tables (Verhoeff 1969): multiplication d and permutation p.
    private static readonly byte[,] D =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] P =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>True when the code is a SNOMED CT expression rather than a plain identifier (not checked here).</summary>
    public static bool IsExpression(string code) => code.Any(c => !char.IsAsciiDigit(c)) && code.Any(c => c is ':' or '=' or '|' or '+' or '{' or '(');

    /// <summary>Null when the code is a well-formed SCTID with a right check digit; otherwise what is wrong.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length is < 6 or > 18 || !code.All(char.IsAsciiDigit)) return "SNOMED CT concept ids are 6 to 18 digits (e.g. 86044005)";
        if (code[0] == '0') return "SNOMED CT ids have no leading zero";
        var partition = code.Substring(code.Length - 3, 2);
        if (partition is not ("00" or "01" or "02" or "03" or "04" or "05" or "10" or "11" or "12" or "13" or "14" or "15"))
            return $"'{partition}' is not a SNOMED CT partition identifier (the 2nd and 3rd digits from the right)";
        return IsVerhoeffValid(code) ? null : "the check digit (the last digit, Verhoeff) is wrong";
    }

    public static bool IsVerhoeffValid(string digits)
    {
        var c = 0;
        for (var i = 0; i < digits.Length; i++)
            c = D[c, P[i % 8, digits[digits.Length - 1 - i] - '0']];
        return c == 0;
    }
}
