namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>The suite's cases by name, and why a case cannot run here (suite absent, known deviation, input not loadable).</summary>
public static class SuiteCases
{
    private static readonly Lazy<IReadOnlyDictionary<string, SuiteCase>> All = new(Load);

    public const string AbsentRow = "suite-absent";

    public static IReadOnlyDictionary<string, SuiteCase> ByName => All.Value;

    /// <summary>Rows for the theory: one per suite test, or one placeholder row when the suite is absent.</summary>
    public static IEnumerable<object[]> Rows()
    {
        if (ByName.Count == 0) return [[AbsentRow]];
        return ByName.Keys.Select(n => new object[] { n });
    }

    /// <summary>The row of tests that read the R4 example corpus.</summary>
    public const string CorpusRow = "r4-examples";

    public static string? SkipReason(string name)
    {
        if (name == AbsentRow) return SharedConformance.MissingReason("fhirpath");
        if (name == CorpusRow) return SharedConformance.Root is null ? SharedConformance.MissingReason("fhirpath") : null;
        if (KnownDeviations.Reasons.TryGetValue(name, out var reason)) return "Known deviation: " + reason;
        if (ByName.TryGetValue(name, out var c) && c.InputFile is not null && !SuiteInputs.Available) return SuiteInputs.UnavailableReason;
        return null;
    }

    private static IReadOnlyDictionary<string, SuiteCase> Load()
    {
        if (SharedConformance.Folder("fhirpath") is not { } folder) return new Dictionary<string, SuiteCase>();
        var path = Path.Combine(folder, "tests-fhir-r4.xml");
        if (!File.Exists(path)) return new Dictionary<string, SuiteCase>();
        return SuiteCase.Load(path).ToDictionary(c => c.Name, StringComparer.Ordinal);
    }
}
