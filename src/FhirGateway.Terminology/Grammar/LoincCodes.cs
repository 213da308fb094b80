namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// The form of LOINC codes: digits, a hyphen and a Mod 10 check digit (LOINC Users' Guide, "Calculating Mod 10
/// check digits"); parts, answers and groups carry an LP/LA/LG prefix and a check digit that is not computed by that
/// rule (LA6724-4 is a real answer code), so only their form is checked. A wrong check digit on a plain code is
/// certainly invalid; whether a well-formed code exists needs LOINC itself (not held).
/// </summary>
public static class LoincCodes
{
    private const string Form = "LOINC codes are digits, a hyphen and a check digit (e.g. 8310-5), or LP/LA/LG codes (e.g. LA6576-8)";

    /// <summary>Null when the code is well-formed (with a right check digit where one can be computed); otherwise what is wrong.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var prefixed = code.Length > 2 && code[0] == 'L' && code[1] is 'P' or 'A' or 'G';
        var start = prefixed ? 2 : 0;
        var hyphen = code.Length - 2;
        if (hyphen <= start || hyphen - start > 8 || code[hyphen] != '-' || !char.IsAsciiDigit(code[^1])) return Form;
        for (var i = start; i < hyphen; i++)
            if (!char.IsAsciiDigit(code[i])) return Form;
        if (prefixed) return null;
        var digits = code[..hyphen];
        var expected = CheckDigit(digits);
        return expected == code[^1] - '0' ? null : $"the check digit is wrong (for {digits} it is {expected}: {digits}-{expected})";
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
}
