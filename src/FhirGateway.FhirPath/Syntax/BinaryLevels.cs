namespace FhirGateway.FhirPath.Syntax;

/// <summary>
/// The binary operator alternatives of the FHIRPath grammar's <c>expression</c> rule (http://hl7.org/fhirpath/N1,
/// grammar section), lowest precedence first. Each level is left-associative; the parser descends one level per entry.
/// </summary>
internal static class BinaryLevels
{
    public static readonly BinaryLevel[] All =
    [
        new("#impliesExpression", Keywords: ["implies"]),
        new("#orExpression", Keywords: ["or", "xor"]),
        new("#andExpression", Keywords: ["and"]),
        new("#membershipExpression", Keywords: ["in", "contains"]),
        new("#equalityExpression", Symbols: ["=", "~", "!=", "!~"]),
        new("#inequalityExpression", Symbols: ["<=", "<", ">", ">="]),
        new("#unionExpression", Symbols: ["|"]),
        new("#typeExpression", Keywords: ["is", "as"], IsTypeOperator: true),
        new("#additiveExpression", Symbols: ["+", "-", "&"]),
        new("#multiplicativeExpression", Symbols: ["*", "/"], Keywords: ["div", "mod"]),
    ];
}

/// <summary>One precedence level: the grammar alternative it implements and the tokens that are its operators.</summary>
internal sealed record BinaryLevel(string Rule, string[]? Symbols = null, string[]? Keywords = null, bool IsTypeOperator = false)
{
    public bool Matches(Token token)
    {
        foreach (var symbol in Symbols ?? []) if (token.Is(symbol)) return true;
        foreach (var keyword in Keywords ?? []) if (token.IsKeyword(keyword)) return true;
        return false;
    }
}
