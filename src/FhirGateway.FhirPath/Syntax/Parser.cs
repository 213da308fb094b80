using System.Globalization;
using FhirGateway.FhirPath.Ast;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Syntax;

/// <summary>
/// Recursive-descent parser for the FHIRPath grammar (http://hl7.org/fhirpath/N1, grammar section). The
/// left-recursive <c>expression</c> rule is split into one method per precedence level, lowest first.
/// </summary>
internal sealed class Parser
{
    private static readonly HashSet<string> UnitKeywords =
    [
        "year", "month", "week", "day", "hour", "minute", "second", "millisecond",
        "years", "months", "weeks", "days", "hours", "minutes", "seconds", "milliseconds",
    ];

    private readonly List<Token> _tokens;
    private int _i;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static Expr Parse(string text)
    {
        var parser = new Parser(Lexer.Tokenize(text));
        var expr = parser.Expression();
        if (parser.Current.Kind != TokenKind.End) throw parser.Error($"Unexpected {parser.Current}");
        return expr;
    }

    private Token Current => _tokens[_i];

    private Token Take() => _tokens[_i++];

    private FhirPathCompileException Error(string message) => new(FhirPathErrorKind.Syntax, message, Current.Position);

    private void Expect(string symbol)
    {
        if (!Current.Is(symbol)) throw Error($"Expected '{symbol}' but found {Current}");
        _i++;
    }

    /// <summary>expression (entry): the lowest precedence level, <c>impliesExpression</c>.</summary>
    private Expr Expression() => Binary(0);

    /// <summary>
    /// One left-associative level of the <c>expression</c> rule: <c>expression OP expression</c> with the operators of
    /// <see cref="BinaryLevels.All"/>[level]; its operands are the next level up, the last level's are <c>polarityExpression</c>.
    /// #typeExpression takes a typeSpecifier, not an expression, on its right.
    /// </summary>
    private Expr Binary(int level)
    {
        if (level == BinaryLevels.All.Length) return Polarity();
        var rule = BinaryLevels.All[level];
        var left = Binary(level + 1);
        while (rule.Matches(Current))
        {
            var op = Take();
            left = rule.IsTypeOperator
                ? new TypeOperatorExpr(op.Text, left, TypeSpecifier(), op.Position)
                : new BinaryExpr(op.Text, left, Binary(level + 1), op.Position);
        }
        return left;
    }

    /// <summary>#polarityExpression: <c>('+' | '-') expression</c>.</summary>
    private Expr Polarity()
    {
        if (Current.Is("+") || Current.Is("-"))
        {
            var op = Take();
            var operand = Polarity();
            return new UnaryExpr(op.Text, operand, op.Position);
        }
        return Postfix();
    }

    /// <summary>#invocationExpression <c>expression '.' invocation</c> and #indexerExpression <c>expression '[' expression ']'</c>.</summary>
    private Expr Postfix()
    {
        var expr = Term();
        while (true)
        {
            if (Current.Is("."))
            {
                _i++;
                expr = Invocation(expr);
            }
            else if (Current.Is("["))
            {
                var open = Take();
                var index = Expression();
                Expect("]");
                expr = new IndexerExpr(expr, index, open.Position);
            }
            else return expr;
        }
    }

    /// <summary>term: invocationTerm | literalTerm | externalConstantTerm | parenthesizedTerm.</summary>
    private Expr Term()
    {
        var t = Current;
        if (t.Is("("))
        {
            _i++;
            var inner = Expression();
            Expect(")");
            return inner;
        }
        if (t.Is("%")) return ExternalConstant();
        var literal = Literal();
        return literal ?? Invocation(null);
    }

    /// <summary>literal: nullLiteral | booleanLiteral | STRING | NUMBER | DATE | DATETIME | TIME | quantity. Null when the token starts none.</summary>
    private Expr? Literal()
    {
        var t = Current;
        switch (t.Kind)
        {
            case TokenKind.Symbol when t.Is("{"):
                _i++;
                Expect("}");
                return new LiteralExpr(null, t.Position);
            case TokenKind.Identifier when t.Text is "true" or "false":
                _i++;
                return new LiteralExpr(t.Text == "true", t.Position);
            case TokenKind.String:
                _i++;
                return new LiteralExpr(t.Text, t.Position);
            case TokenKind.Number:
                _i++;
                return Quantity(t);
            case TokenKind.Date:
                _i++;
                return new LiteralExpr(PartialDate.TryParse(t.Text) ?? throw new FhirPathCompileException(FhirPathErrorKind.Syntax, $"Invalid date @{t.Text}", t.Position), t.Position);
            case TokenKind.DateTime:
                _i++;
                return new LiteralExpr(PartialDateTime.TryParse(t.Text) ?? throw new FhirPathCompileException(FhirPathErrorKind.Syntax, $"Invalid dateTime @{t.Text}", t.Position), t.Position);
            case TokenKind.Time:
                _i++;
                return new LiteralExpr(PartialTime.TryParse(t.Text[1..]) ?? throw new FhirPathCompileException(FhirPathErrorKind.Syntax, $"Invalid time @{t.Text}", t.Position), t.Position);
            default:
                return null;
        }
    }

    /// <summary>quantity: <c>NUMBER unit?</c>; unit: dateTimePrecision | pluralDateTimePrecision | STRING.</summary>
    private LiteralExpr Quantity(Token number)
    {
        object value;
        if (number.Text.Contains('.')) value = decimal.Parse(number.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        else if (int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var i)) value = i;
        else value = decimal.Parse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture);
        var unit = Current;
        if (unit.Kind == TokenKind.String || (unit.Kind == TokenKind.Identifier && UnitKeywords.Contains(unit.Text)))
        {
            _i++;
            var amount = value is int n ? n : (decimal)value;
            return new LiteralExpr(new Quantity(amount, unit.Text), number.Position);
        }
        return new LiteralExpr(value, number.Position);
    }

    /// <summary>externalConstant: <c>'%' ( identifier | STRING )</c>.</summary>
    private Expr ExternalConstant()
    {
        var percent = Take();
        var t = Current;
        if (t.Kind is not (TokenKind.Identifier or TokenKind.DelimitedIdentifier or TokenKind.String))
            throw Error($"Expected a name after '%' but found {t}");
        _i++;
        return t.Text switch
        {
            "resource" => new ResourceExpr(percent.Position),
            "rootResource" => new RootResourceExpr(percent.Position),
            "context" => new ContextExpr(percent.Position),
            _ => new VariableExpr(t.Text, percent.Position),
        };
    }

    /// <summary>invocation: <c>identifier | function | '$this' | '$index' | '$total'</c>; function: <c>identifier '(' paramList? ')'</c>.</summary>
    private Expr Invocation(Expr? source)
    {
        var t = Current;
        if (t.Is("$"))
        {
            _i++;
            var name = Current;
            if (name.Kind == TokenKind.Identifier)
            {
                _i++;
                switch (name.Text)
                {
                    case "this": return new ThisExpr(t.Position);
                    case "index": return new IndexExpr(t.Position);
                    case "total": return new TotalExpr(t.Position);
                }
            }
            throw new FhirPathCompileException(FhirPathErrorKind.Syntax, $"Unknown special variable ${name.Text}", t.Position);
        }
        var identifier = Identifier();
        if (!Current.Is("(")) return new MemberExpr(source, identifier, t.Position);
        _i++;
        var args = new List<Expr>();
        if (!Current.Is(")"))
        {
            args.Add(Expression());
            while (Current.Is(","))
            {
                _i++;
                args.Add(Expression());
            }
        }
        Expect(")");
        return new FunctionExpr(source, identifier, args, t.Position);
    }

    /// <summary>identifier: <c>IDENTIFIER | DELIMITEDIDENTIFIER | 'as' | 'contains' | 'in' | 'is'</c>.</summary>
    private string Identifier()
    {
        var t = Current;
        if (t.Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            _i++;
            return t.Text;
        }
        throw Error($"Expected an identifier but found {t}");
    }

    /// <summary>typeSpecifier: qualifiedIdentifier <c>identifier ('.' identifier)*</c>, namespace System or FHIR.</summary>
    private TypeSpecifierExpr TypeSpecifier()
    {
        var at = Current.Position;
        var first = Identifier();
        if ((first == "System" || first == "FHIR") && Current.Is(".") && _tokens[_i + 1].Kind is TokenKind.Identifier or TokenKind.DelimitedIdentifier)
        {
            _i++;
            return new TypeSpecifierExpr(first, Identifier(), at);
        }
        return new TypeSpecifierExpr(null, first, at);
    }
}
