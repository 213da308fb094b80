using System.Xml.Linq;

namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>One expected output of a suite test: its type (null for untyped boundary outputs) and text.</summary>
public sealed record SuiteOutput(string? Type, string Value);

/// <summary>One test of the HL7 FHIRPath suite (tests-fhir-r4.xml), as written there.</summary>
public sealed record SuiteCase(
    string Name, string Group, string? InputFile, string Expression, string? Invalid, bool Predicate, string? Mode, bool Ordered,
    IReadOnlyList<SuiteOutput> Outputs)
{
    /// <summary>The test asks for the optional check of ordered functions on unordered collections.</summary>
    public bool CheckOrderedFunctions { get; init; }

    public bool ExpectsError => Invalid is not null;

    /// <summary>Reads all tests; a name used twice gets a <c>#2</c> suffix so each case has its own row.</summary>
    public static IReadOnlyList<SuiteCase> Load(string path)
    {
        var doc = XDocument.Load(path);
        var cases = new List<SuiteCase>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var anonymous = 0;
        foreach (var test in doc.Descendants("test"))
        {
            var expression = test.Element("expression");
            if (expression is null) continue;
            var name = (string?)test.Attribute("name") ?? $"unnamed{++anonymous}";
            seen[name] = seen.GetValueOrDefault(name) + 1;
            if (seen[name] > 1) name = $"{name}#{seen[name]}";
            cases.Add(new SuiteCase(
                name,
                (string?)test.Parent?.Attribute("name") ?? "",
                (string?)test.Attribute("inputfile"),
                expression.Value,
                (string?)expression.Attribute("invalid"),
                (string?)test.Attribute("predicate") == "true",
                (string?)test.Attribute("mode") ?? (string?)expression.Attribute("mode"),
                (string?)test.Attribute("ordered") != "false",
                test.Elements("output").Select(o => new SuiteOutput((string?)o.Attribute("type"), o.Value)).ToList())
            {
                CheckOrderedFunctions = (string?)test.Attribute("checkOrderedFunctions") == "true",
            });
        }
        return cases;
    }
}
