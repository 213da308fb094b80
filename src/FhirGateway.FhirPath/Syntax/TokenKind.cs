namespace FhirGateway.FhirPath.Syntax;

/// <summary>The lexical categories of the FHIRPath grammar (N1, lexer rules).</summary>
internal enum TokenKind
{
    End,
    Identifier,
    DelimitedIdentifier,
    String,
    Number,
    Date,
    DateTime,
    Time,
    /// <summary>An operator or punctuation: <c>. [ ] ( ) { } , + - * / &amp; | = ~ != !~ &lt; &lt;= &gt; &gt;= % $</c>.</summary>
    Symbol,
}

/// <summary>One token with its text (for strings and delimited identifiers the unescaped value) and position.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourcePosition Position)
{
    public bool Is(string symbol) => Kind == TokenKind.Symbol && Text == symbol;

    /// <summary>A keyword is an unquoted identifier with that exact text.</summary>
    public bool IsKeyword(string word) => Kind == TokenKind.Identifier && Text == word;

    public override string ToString() => Kind == TokenKind.End ? "end of expression" : $"'{Text}'";
}
