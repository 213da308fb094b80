using System.Globalization;

namespace FhirGateway.Fhir.Ucum;

/// <summary>
/// One unit symbol of a parsed expression: prefix (if any), atom and exponent as written, and <paramref name="Power"/>,
/// the exponent it has in the whole expression (negative below a '/', multiplied through parentheses).
/// </summary>
public sealed record UcumSymbol(UcumPrefix? Prefix, UcumAtom Atom, int Exponent, int Power);

/// <summary>A plain number of an expression (<c>24</c> in <c>mL/(24.h)</c>) and its power in the whole expression (1 or -1).</summary>
public sealed record UcumFactor(decimal Value, int Power);

/// <summary>The result of parsing a UCUM expression: valid or the first problem (with its 1-based position), and the symbols and numbers read.</summary>
public sealed record UcumParse(string Unit, string? Problem, IReadOnlyList<UcumSymbol> Symbols, IReadOnlyList<UcumFactor> Factors)
{
    public bool IsValid => Problem is null;
}

/// <summary>
/// A recursive-descent parser for the case-sensitive UCUM syntax (UCUM §§1–7 and its formal grammar):
/// <code>
/// main-term   = "/" term | term
/// term        = component *( ("." | "/") component )
/// component   = annotatable [annotation] | annotation | factor [annotation] | "(" term ")" [annotation]
/// annotatable = simple-unit [exponent]            exponent = ["+" | "-"] digits
/// simple-unit = atom | prefix metric-atom           annotation = "{" characters 32–126 except braces "}"
/// </code>
/// Atoms in square brackets (<c>[in_i]</c>, <c>mm[Hg]</c>, <c>B[10.nV]</c>) are read whole; <c>10*</c> and
/// <c>10^</c> are atoms that start with digits. Stateless and thread-safe; one instance per call is internal.
/// </summary>
public sealed class UcumParser
{
    private readonly UcumTable _table;
    private readonly string _s;
    private readonly List<UcumSymbol> _symbols = [];
    private readonly List<UcumFactor> _factors = [];
    private int _pos;

    private UcumParser(UcumTable table, string s)
    {
        _table = table;
        _s = s;
    }

    public static UcumParse Parse(string unit, UcumTable? table = null)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var parser = new UcumParser(table ?? UcumTable.Instance, unit);
        var problem = parser.Main();
        return new UcumParse(unit, problem, parser._symbols, parser._factors);
    }

    private string? Main()
    {
        if (_s.Length == 0) return "the unit is empty (the unit for a plain number is '1')";
        var sign = 1;
        if (_s[0] == '/')
        {
            _pos++;
            sign = -1;
        }
        var problem = Term(depth: 0, sign: 1, first: sign);
        if (problem is not null) return problem;
        return _pos < _s.Length ? At(_pos, $"unexpected '{_s[_pos]}'") : null;
    }

    /// <summary>A term whose powers are multiplied by <paramref name="sign"/>; '/' divides by the one component after it.</summary>
    private string? Term(int depth, int sign, int first = 1)
    {
        var next = first;
        while (true)
        {
            var problem = Component(depth, sign * next);
            if (problem is not null) return problem;
            if (_pos >= _s.Length) return null;
            var c = _s[_pos];
            if (c is '.' or '/')
            {
                next = c == '/' ? -1 : 1;
                _pos++;
                continue;
            }
            if (c == ')') return depth > 0 ? null : At(_pos, "')' has no matching '('");
            return At(_pos, $"unexpected '{c}': units are joined by '.' (times) or '/' (divided by)");
        }
    }

    private string? Component(int depth, int sign)
    {
        if (_pos >= _s.Length) return At(_pos, $"a unit is missing after '{_s[_pos - 1]}'");
        var c = _s[_pos];
        switch (c)
        {
            case '(':
                var open = _pos++;
                var inner = Term(depth + 1, sign);
                if (inner is not null) return inner;
                if (_pos >= _s.Length || _s[_pos] != ')') return At(open, "'(' is not closed");
                _pos++;
                // Not in the formal grammar, but in the UCUM common units table (U/(10.g){feces}) and accepted by the reference implementations.
                return _pos < _s.Length && _s[_pos] == '{' ? Annotation() : null;
            case '{':
                return Annotation();
            case '.' or '/':
                return At(_pos, $"'{c}' has no unit before it");
            case ')':
                return At(_pos, "')' has no unit before it");
        }
        if (char.IsAsciiDigit(c) && !StartsWithTenPower()) return Factor(sign);
        var problem = Annotatable(sign);
        if (problem is null && _pos < _s.Length && _s[_pos] == '{') problem = Annotation();
        return problem;
    }

    private bool StartsWithTenPower() =>
        _pos + 2 < _s.Length && _s[_pos] == '1' && _s[_pos + 1] == '0' && _s[_pos + 2] is '*' or '^';

    private string? Factor(int sign)
    {
        var start = _pos;
        while (_pos < _s.Length && char.IsAsciiDigit(_s[_pos])) _pos++;
        if (!decimal.TryParse(_s.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return At(start, $"the number {_s[start.._pos]} is too large");
        _factors.Add(new UcumFactor(value, sign));
        if (_pos < _s.Length && _s[_pos] == '{') return Annotation();
        if (_pos < _s.Length && _s[_pos] is not ('.' or '/' or ')'))
            return At(start, $"the number {_s[start.._pos]} must stand alone: write '{_s[start.._pos]}.{_s[_pos..]}' to multiply, or use 10*n for powers of ten");
        return null;
    }

    private string? Annotation()
    {
        var open = _pos;
        var close = _s.IndexOf('}', open + 1);
        if (close < 0) return At(open, "'{' is not closed by '}'");
        for (var i = open + 1; i < close; i++)
        {
            var ch = _s[i];
            if (ch == '{') return At(i, "annotations cannot be nested");
            if (ch < ' ' || ch > '~') return At(i, $"the annotation holds '{ch}', outside the ASCII characters UCUM allows");
        }
        _pos = close + 1;
        return null;
    }

    private string? Annotatable(int sign)
    {
        var start = _pos;
        if (StartsWithTenPower()) _pos += 3;
        while (_pos < _s.Length)
        {
            var ch = _s[_pos];
            if (ch == '[')
            {
                var close = _s.IndexOf(']', _pos + 1);
                if (close < 0) return At(_pos, "'[' is not closed by ']'");
                _pos = close + 1;
                continue;
            }
            if (ch is '.' or '/' or '(' or ')' or '{') break;
            if (ch is ']' or '}') return At(_pos, $"'{ch}' has no matching opening bracket");
            if (ch <= ' ' || ch > '~') return At(_pos, ch == ' ' ? "UCUM units contain no spaces" : $"'{ch}' is not a UCUM character (UCUM uses ASCII only: write 'u' for micro, 'Cel' for °C)");
            _pos++;
        }
        var symbol = _s[start.._pos];
        var digits = symbol.Length;
        while (digits > 0 && char.IsAsciiDigit(symbol[digits - 1])) digits--;
        var baseEnd = digits < symbol.Length && digits > 0 && symbol[digits - 1] is '+' or '-' ? digits - 1 : digits;
        var exponent = 1;
        if (digits < symbol.Length)
        {
            if (baseEnd == 0) return At(start, $"'{symbol}' has an exponent but no unit");
            if (!int.TryParse(symbol.AsSpan(baseEnd), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
                return At(start + baseEnd, $"the exponent {symbol[baseEnd..]} is too large");
        }
        return Resolve(symbol[..baseEnd], start, exponent, sign);
    }

    private string? Resolve(string symbol, int start, int exponent, int sign)
    {
        if (_table.Atoms.TryGetValue(symbol, out var atom))
        {
            _symbols.Add(new UcumSymbol(null, atom, exponent, sign * exponent));
            return null;
        }
        foreach (var prefix in _table.PrefixesLongestFirst)
        {
            if (!symbol.StartsWith(prefix.Code, StringComparison.Ordinal) || !_table.Atoms.TryGetValue(symbol[prefix.Code.Length..], out var prefixed)) continue;
            if (!prefixed.IsMetric) return At(start, $"'{prefixed.Code}' ({prefixed.Name}) is not a metric unit and takes no prefix such as '{prefix.Code}' ({prefix.Name})");
            _symbols.Add(new UcumSymbol(prefix, prefixed, exponent, sign * exponent));
            return null;
        }
        return At(start, $"'{symbol}' is not a known UCUM unit{Suggestion(symbol)}");
    }

    private string Suggestion(string symbol)
    {
        if (_table.AtomsIgnoringCase.TryGetValue(symbol, out var atom)) return Hint(null, atom);
        // Only the prefix's case wrong (Kg → kg), or only the atom's (mL fine, mEq → meq); both wrong is a guess, not a hint.
        foreach (var (prefixCase, atomCase) in new[] { (StringComparison.OrdinalIgnoreCase, true), (StringComparison.Ordinal, false) })
        {
            foreach (var prefix in _table.PrefixesLongestFirst)
            {
                if (!symbol.StartsWith(prefix.Code, prefixCase)) continue;
                var rest = symbol[prefix.Code.Length..];
                var found = atomCase ? _table.Atoms.GetValueOrDefault(rest) : _table.AtomsIgnoringCase.GetValueOrDefault(rest);
                if (found is { IsMetric: true }) return Hint(prefix, found);
            }
        }
        return symbol switch
        {
            "mcg" => "; micrograms are 'ug'",
            "cc" => "; cubic centimetres are 'cm3' (or 'mL')",
            "hr" or "hrs" => "; hours are 'h'",
            "sec" => "; seconds are 's'",
            "lb" or "lbs" => "; pounds are '[lb_av]'",
            "in" => "; inches are '[in_i]'",
            _ => "",
        };
    }

    private static string Hint(UcumPrefix? prefix, UcumAtom atom) =>
        $"; did you mean '{prefix?.Code}{atom.Code}' ({prefix?.Name}{atom.Name})? UCUM codes are case-sensitive";

    private static string At(int position, string problem) => $"{problem} (at position {position + 1})";
}
