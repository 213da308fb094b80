using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Xml.Linq;

namespace FhirGateway.Fhir.Ucum;

/// <summary>
/// The UCUM atoms and prefixes, read once from the embedded, unmodified <c>ucum-essence.xml</c> of the UCUM
/// specification (© Regenstrief Institute, Inc. and The UCUM Organization, under the UCUM licence; see Ucum/NOTICE.md).
/// Look-ups are by exact, case-sensitive code; a case-insensitive index serves hints.
/// </summary>
public sealed class UcumTable
{
    private const string ResourceName = "FhirGateway.Fhir.Ucum.ucum-essence.xml";

    public static UcumTable Instance { get; } = Load();

    private UcumTable(IEnumerable<UcumAtom> atoms, IEnumerable<UcumPrefix> prefixes, string version)
    {
        Atoms = atoms.ToFrozenDictionary(a => a.Code, StringComparer.Ordinal);
        Prefixes = prefixes.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        PrefixesLongestFirst = Prefixes.Values.OrderByDescending(p => p.Code.Length).ThenBy(p => p.Code, StringComparer.Ordinal).ToArray();
        var ignoringCase = new Dictionary<string, UcumAtom>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in Atoms.Values.OrderBy(a => a.Code, StringComparer.Ordinal)) ignoringCase.TryAdd(a.Code, a);
        AtomsIgnoringCase = ignoringCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Version = version;
    }

    /// <summary>The UCUM version of the embedded table (the essence file's <c>version</c>).</summary>
    public string Version { get; }

    public FrozenDictionary<string, UcumAtom> Atoms { get; }
    public FrozenDictionary<string, UcumPrefix> Prefixes { get; }
    public IReadOnlyList<UcumPrefix> PrefixesLongestFirst { get; }
    internal FrozenDictionary<string, UcumAtom> AtomsIgnoringCase { get; }

    private static UcumTable Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded UCUM table {ResourceName} is missing from FhirGateway.Fhir.");
        var root = XDocument.Load(stream).Root ?? throw new InvalidDataException($"{ResourceName} has no root element");
        var atoms = new List<UcumAtom>();
        var prefixes = new List<UcumPrefix>();
        // Element names are matched by local name: copies of the essence file differ in where they declare the namespace.
        foreach (var e in root.Elements())
        {
            var kind = e.Name.LocalName;
            var code = Attribute(e, "Code") ?? "";
            var name = string.Join(" / ", Children(e, "name").Select(n => n.Value.Trim()));
            var value = Children(e, "value").FirstOrDefault();
            switch (kind)
            {
                case "prefix":
                    prefixes.Add(new UcumPrefix(code, name, Attribute(value, "value") ?? ""));
                    break;
                case "base-unit":
                    atoms.Add(new UcumAtom(code, true, null, false, false, Property(e), name, null, null, null));
                    break;
                case "unit":
                    var function = value is null ? null : Children(value, "function").FirstOrDefault();
                    atoms.Add(new UcumAtom(code, Attribute(e, "isMetric") == "yes", Attribute(e, "class"), Attribute(e, "isSpecial") == "yes",
                        Attribute(e, "isArbitrary") == "yes", Property(e), name, Attribute(value, "value"), Attribute(value, "Unit"),
                        function is null ? null : string.Create(CultureInfo.InvariantCulture,
                            $"{Attribute(function, "name")} {Attribute(function, "value")} {Attribute(function, "Unit")}")));
                    break;
            }
        }
        return new UcumTable(atoms, prefixes, Attribute(root, "version") ?? "?");
    }

    private static IEnumerable<XElement> Children(XElement e, string localName) => e.Elements().Where(c => c.Name.LocalName == localName);

    private static string Property(XElement e) => Children(e, "property").FirstOrDefault()?.Value.Trim() ?? "";

    private static string? Attribute(XElement? e, string name) => Null(((string?)e?.Attribute(name))?.Trim() ?? "");

    private static string? Null(string s) => s.Length == 0 ? null : s;
}
