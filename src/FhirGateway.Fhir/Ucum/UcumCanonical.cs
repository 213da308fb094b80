using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace FhirGateway.Fhir.Ucum;

/// <summary>
/// A unit expressed in UCUM's base units: <see cref="Scale"/> × the product of the base atoms raised to their
/// <see cref="Powers"/>. <see cref="Dimension"/> is that product as UCUM text (<c>g.m-1.s-2</c>; empty when
/// dimensionless, <c>~Cel</c> for a special unit, which is commensurable only with itself). Two units convert into
/// each other exactly when their dimensions are equal.
/// </summary>
public sealed record UcumCanonicalUnit(UcumScale Scale, IReadOnlyDictionary<string, int> Powers)
{
    public string Dimension { get; } = Format(Powers);

    /// <summary>The product (or quotient) of two canonical units; null when either is a special unit.</summary>
    public UcumCanonicalUnit? Times(UcumCanonicalUnit other, bool divide)
    {
        if (IsSpecial || other.IsSpecial) return null;
        var powers = new Dictionary<string, int>(Powers, StringComparer.Ordinal);
        foreach (var (atom, power) in other.Powers) powers[atom] = powers.GetValueOrDefault(atom) + (divide ? -power : power);
        return new UcumCanonicalUnit(divide ? Scale.DividedBy(other.Scale) : Scale.Times(other.Scale), powers);
    }

    /// <summary>A special unit (non-ratio scale such as Cel or [pH]): converted by a function, never by a factor.</summary>
    public bool IsSpecial => Powers.Keys.Any(k => k.StartsWith('~'));

    private static string Format(IReadOnlyDictionary<string, int> powers)
    {
        var sb = new StringBuilder();
        foreach (var (atom, power) in powers.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 0) sb.Append('.');
            sb.Append(atom);
            if (power != 1) sb.Append(power.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}

/// <summary>What a unit came to: its canonical form, or why it has none (not UCUM, a special unit in a compound, a factor out of range).</summary>
public sealed record UcumConversion(UcumCanonicalUnit? Unit, string? Problem);

/// <summary>
/// UCUM canonicalisation over the specification's table (<see cref="UcumTable"/>): an expression is parsed by
/// <see cref="UcumParser"/>, each prefix and atom replaced by its definition (value × unit, recursively) down to the
/// base units (m, s, g, rad, K, C, cd), and the powers summed. What it does not convert it refuses with the reason:
/// special units (Cel, [degF], [pH], B…) convert by functions, not factors, so one standing alone is its own
/// dimension (compared only with itself) and one inside a compound is refused; arbitrary units ([iU], [arb'U]…) are
/// their own base, commensurable with nothing else. One deliberate departure: <c>mol</c> is kept as a base unit
/// instead of UCUM's 6.0221367 × 10^23 (a pure number), so that amounts of substance (mmol/L, g/mol) keep their
/// precision and do not compare with plain counts. Factors are kept in scientific form (<see cref="UcumScale"/>).
/// Results are cached per unit text.
/// </summary>
public static class UcumCanonical
{
    private static readonly ConcurrentDictionary<string, UcumConversion> Units = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, UcumConversion> Atoms = new(StringComparer.Ordinal);

    /// <summary>The canonical form of a UCUM expression (cached), or why there is none.</summary>
    public static UcumConversion Of(string unit) => Units.Count < 4096 ? Units.GetOrAdd(unit, u => Convert(u, 0)) : Convert(unit, 0);

    /// <summary>The factor that turns a value in <paramref name="from"/> into one in <paramref name="to"/>; null when they are not commensurable.</summary>
    public static decimal? Factor(string from, string to)
    {
        if (Of(from).Unit is not { } a || Of(to).Unit is not { } b || a.Dimension != b.Dimension || a.IsSpecial && from != to) return null;
        try
        {
            return a.Scale.DividedBy(b.Scale).ToDecimal();
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static UcumConversion Convert(string unit, int depth)
    {
        var parse = UcumParser.Parse(unit);
        if (!parse.IsValid) return Refused(parse.Problem!);
        if (parse.Symbols.FirstOrDefault(s => s.Atom.IsSpecial) is { } special)
            return parse.Symbols.Count == 1 && parse.Factors.Count == 0 && special.Prefix is null && special.Power == 1
                ? new UcumConversion(new UcumCanonicalUnit(UcumScale.One, new Dictionary<string, int> { ["~" + special.Atom.Code] = 1 }), null)
                : Refused($"'{special.Atom.Code}' ({special.Atom.Name}) is a special unit on a non-ratio scale: it converts by a function, not a factor, so it cannot be part of a compound unit here");
        var factor = UcumScale.One;
        var powers = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var number in parse.Factors) factor = factor.Times(UcumScale.Of(number.Value).Power(number.Power));
        foreach (var symbol in parse.Symbols)
        {
            var atom = depth > 16 ? Refused("the definitions nest too deeply") : Atom(symbol.Atom, depth);
            if (atom.Unit is not { } definition) return atom;
            var scale = definition.Scale;
            if (symbol.Prefix is { } prefix)
            {
                if (!UcumScale.TryParse(prefix.Value, out var prefixScale)) return Refused($"the prefix '{prefix.Code}' has the value '{prefix.Value}', which is not a number");
                scale = prefixScale.Times(scale);
            }
            factor = factor.Times(scale.Power(symbol.Power));
            foreach (var (baseAtom, power) in definition.Powers) powers[baseAtom] = powers.GetValueOrDefault(baseAtom) + power * symbol.Power;
        }
        return new UcumConversion(new UcumCanonicalUnit(factor, powers), null);
    }

    private static UcumConversion Atom(UcumAtom atom, int depth) => Atoms.GetOrAdd(atom.Code, _ => Define(atom, depth));

    private static UcumConversion Define(UcumAtom atom, int depth)
    {
        if (atom.IsBase || atom.Code == "mol" || atom.IsArbitrary && atom.Unit is null or "1")
            return new UcumConversion(new UcumCanonicalUnit(UcumScale.One, new Dictionary<string, int> { [atom.Code] = 1 }), null);
        if (atom.Value is null || atom.Unit is null) return Refused($"'{atom.Code}' ({atom.Name}) has no definition by a factor in the UCUM table");
        if (!UcumScale.TryParse(atom.Value, out var value))
            return Refused($"'{atom.Code}' ({atom.Name}) is defined by the value '{atom.Value}', which is not a number");
        var inner = Convert(atom.Unit, depth + 1);
        return inner.Unit is { } unit ? new UcumConversion(new UcumCanonicalUnit(value.Times(unit.Scale), unit.Powers), null) : inner;
    }

    private static UcumConversion Refused(string problem) => new(null, problem);
}
