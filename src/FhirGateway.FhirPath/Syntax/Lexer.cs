using System.Globalization;
using System.Text;

namespace FhirGateway.FhirPath.Syntax;

/// <summary>
/// Splits an expression into tokens following the lexer rules of the FHIRPath grammar (N1): IDENTIFIER,
/// DELIMITEDIDENTIFIER, STRING, NUMBER, DATE, DATETIME, TIME, COMMENT, LINE_COMMENT, WS and the literal symbols.
/// </summary>
internal sealed class Lexer
{
    private static readonly string[] TwoCharSymbols = ["!=", "!~", "<=", ">="];
    private const string OneCharSymbols = ".[](){},+-*/&|=~<>%$";

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text) => _text = text;

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        while (true)
        {
            var t = lexer.Next();
            tokens.Add(t);
            if (t.Kind == TokenKind.End) return tokens;
        }
    }

    private SourcePosition Here => new(_pos, _line, _pos - _lineStart + 1);

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private FhirPathCompileException Error(string message, SourcePosition at) => new(FhirPathErrorKind.Syntax, message, at);

    private void Advance()
    {
        if (_text[_pos] == '\n')
        {
            _line++;
            _lineStart = _pos + 1;
        }
        _pos++;
    }

    private Token Next()
    {
        SkipTrivia();
        var start = Here;
        if (_pos >= _text.Length) return new Token(TokenKind.End, "", start);
        var c = _text[_pos];
        if (char.IsAsciiLetter(c) || c == '_') return Identifier(start);
        if (char.IsAsciiDigit(c)) return Number(start);
        if (c == '\'') return new Token(TokenKind.String, Quoted('\'', start), start);
        if (c == '`') return new Token(TokenKind.DelimitedIdentifier, Quoted('`', start), start);
        if (c == '@') return DateTimeLiteral(start);
        foreach (var s in TwoCharSymbols)
        {
            if (string.CompareOrdinal(_text, _pos, s, 0, 2) == 0)
            {
                _pos += 2;
                return new Token(TokenKind.Symbol, s, start);
            }
        }
        if (OneCharSymbols.Contains(c))
        {
            _pos++;
            return new Token(TokenKind.Symbol, c.ToString(), start);
        }
        throw Error($"Unexpected character '{c}'", start);
    }

    /// <summary>WS, COMMENT (<c>/* */</c>) and LINE_COMMENT (<c>//</c>) are skipped.</summary>
    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c)) Advance();
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
            }
            else if (c == '/' && Peek(1) == '*')
            {
                var start = Here;
                _pos += 2;
                while (true)
                {
                    if (_pos >= _text.Length) throw Error("Unterminated comment", start);
                    if (_text[_pos] == '*' && Peek(1) == '/')
                    {
                        _pos += 2;
                        break;
                    }
                    Advance();
                }
            }
            else return;
        }
    }

    /// <summary>IDENTIFIER: <c>([A-Za-z] | '_')([A-Za-z0-9] | '_')*</c>.</summary>
    private Token Identifier(SourcePosition start)
    {
        var s = _pos;
        while (_pos < _text.Length && (char.IsAsciiLetterOrDigit(_text[_pos]) || _text[_pos] == '_')) _pos++;
        return new Token(TokenKind.Identifier, _text[s.._pos], start);
    }

    /// <summary>NUMBER: <c>[0-9]+('.' [0-9]+)?</c> — the dot belongs to the number only when a digit follows.</summary>
    private Token Number(SourcePosition start)
    {
        var s = _pos;
        while (char.IsAsciiDigit(Peek())) _pos++;
        if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            while (char.IsAsciiDigit(Peek())) _pos++;
        }
        return new Token(TokenKind.Number, _text[s.._pos], start);
    }

    /// <summary>STRING and DELIMITEDIDENTIFIER with the ESC rule: <c>\` \' \\ \/ \f \n \r \t \" \uXXXX</c>.</summary>
    private string Quoted(char quote, SourcePosition start)
    {
        _pos++;
        var sb = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length) throw Error(quote == '\'' ? "Unterminated string" : "Unterminated delimited identifier", start);
            var c = _text[_pos];
            if (c == quote)
            {
                _pos++;
                return sb.ToString();
            }
            if (c == '\\')
            {
                var e = Peek(1);
                _pos += 2;
                switch (e)
                {
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case '\'': case '`': case '\\': case '/': case '"': sb.Append(e); break;
                    case 'u':
                        if (_pos + 4 > _text.Length || !int.TryParse(_text.AsSpan(_pos, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            throw Error("Invalid unicode escape", start);
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw Error($"Invalid escape '\\{e}'", start);
                }
                continue;
            }
            Advance();
            sb.Append(c);
        }
    }

    /// <summary>DATE, DATETIME and TIME: <c>'@' DATEFORMAT ('T' (TIMEFORMAT TIMEZONEOFFSETFORMAT?)?)?</c> or <c>'@' 'T' TIMEFORMAT</c>.</summary>
    private Token DateTimeLiteral(SourcePosition start)
    {
        _pos++;
        var s = _pos;
        if (Peek() == 'T')
        {
            _pos++;
            if (!TimeFormat()) throw Error("Invalid time literal", start);
            return new Token(TokenKind.Time, _text[s.._pos], start);
        }
        if (!Digits(4)) throw Error("Invalid date literal", start);
        if (Peek() == '-' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            if (!Digits(2)) throw Error("Invalid date literal", start);
            if (Peek() == '-' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                if (!Digits(2)) throw Error("Invalid date literal", start);
            }
        }
        if (Peek() != 'T') return new Token(TokenKind.Date, _text[s.._pos], start);
        _pos++;
        if (TimeFormat()) TimeZone();
        return new Token(TokenKind.DateTime, _text[s.._pos], start);
    }

    private bool TimeFormat()
    {
        if (!Digits(2)) return false;
        if (Peek() == ':' && char.IsAsciiDigit(Peek(1)))
        {
            _pos++;
            if (!Digits(2)) return false;
            if (Peek() == ':' && char.IsAsciiDigit(Peek(1)))
            {
                _pos++;
                if (!Digits(2)) return false;
                if (Peek() == '.' && char.IsAsciiDigit(Peek(1)))
                {
                    _pos++;
                    while (char.IsAsciiDigit(Peek())) _pos++;
                }
            }
        }
        return true;
    }

    private void TimeZone()
    {
        if (Peek() == 'Z')
        {
            _pos++;
            return;
        }
        if ((Peek() == '+' || Peek() == '-') && char.IsAsciiDigit(Peek(1)) && char.IsAsciiDigit(Peek(2)) && Peek(3) == ':'
            && char.IsAsciiDigit(Peek(4)) && char.IsAsciiDigit(Peek(5)))
            _pos += 6;
    }

    private bool Digits(int n)
    {
        for (var i = 0; i < n; i++)
            if (!char.IsAsciiDigit(Peek(i))) return false;
        _pos += n;
        return true;
    }
}
