using System.Text.RegularExpressions;

namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// The form of LOINC codes: digits, a hyphen and a Mod 10 check digit (LOINC Users' Guide, "Calculating Mod 10
/// check digits"); parts, answers and groups carry an LP/LA/LG prefix. A wrong check digit is certainly invalid;
/// whether a well-formed code exists needs LOINC itself (not held).
/// </summary>
public static partial class LoincCodes
{
    /// <summary>Null when the code is well-formed with a right check digit; otherwise what is wrong.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var m = Shape().Match(code);
        if (!m.Success) return "LOINC codes are digits, a hyphen and a check digit (e.g. 8310-5), or LP/LA/LG codes (e.g. LA6576-8)";
        var digits = m.Groups["n"].Value;
        var expected = CheckDigit(digits);
        var given = m.Groups["c"].Value[0] - '0';
        return expected == given ? null : $"the check digit is wrong (for {m.Groups["p"].Value}{digits} it is {expected}: {m.Groups["p"].Value}{digits}-{expected})";
    }

    /// <summary>The Mod 10 (Luhn) check digit: from the right, every other digit doubled, digit sums added.</summary>
    public static int CheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d *= 2;
            sum += d > 9 ? d - 9 : d;
        }
        return (10 - sum % 10) % 10;
    }

    [GeneratedRegex(@"^(?<p>L[PAG])?(?<n>[0-9]{1,8})-(?<c>[0-9])$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
