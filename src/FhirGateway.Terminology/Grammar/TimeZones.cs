using System.Text.RegularExpressions;

namespace FhirGateway.Terminology.Grammar;

/// <summary>
/// IANA time zone names (https://www.iana.org/time-zones): <c>Area/Location</c> such as <c>Europe/Berlin</c>.
/// A name the machine's zone database knows is valid; another well-formed name cannot be decided offline.
/// </summary>
public sealed partial class TimeZones : ICodeGrammar
{
    public static readonly TimeZones Instance = new();

    public string Name => "IANA time zone";
    public bool CaseSensitive => true;

    public GrammarVerdict Check(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!ZoneName().IsMatch(code)) return GrammarVerdict.Malformed("a zone name is Area/Location (e.g. Europe/Berlin, America/New_York) or UTC");
        return TimeZoneInfo.TryFindSystemTimeZoneById(code, out _) ? GrammarVerdict.Valid() : GrammarVerdict.WellFormedOnly;
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();
}
