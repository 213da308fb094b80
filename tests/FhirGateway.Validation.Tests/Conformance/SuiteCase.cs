using System.Text.Json;

namespace FhirGateway.Validation.Tests.Conformance;

/// <summary>One case of the HL7 validator suite (../shared/conformance/validator/cases.json): the instance, what to load, and the HL7 validator's error counts.</summary>
public sealed record SuiteCase(
    string Name, string File, IReadOnlyList<string> Supporting, string? Profile, IReadOnlyList<string> ProfileSupporting,
    int BaseErrors, int? ProfileErrors, IReadOnlyList<string> Notes, string? ExpectedBase = null, string? ExpectedProfile = null)
{
    public bool IsXml => File.EndsWith(".xml", StringComparison.OrdinalIgnoreCase);

    /// <summary>The value of a note such as <c>validateReference="CHECK_EXISTS_AND_TYPE"</c>, unquoted; null when absent.</summary>
    public string? Note(string key)
    {
        foreach (var note in Notes)
            if (note.StartsWith(key + "=", StringComparison.Ordinal)) return note[(key.Length + 1)..].Trim('"');
        return null;
    }

    public override string ToString() => Name;

    /// <summary>The suite's folder, <c>validator</c> of the shared conformance material (only read when it is present).</summary>
    public static string Folder => SharedConformance.Folder("validator") ?? throw new DirectoryNotFoundException(SharedConformance.MissingReason("validator"));

    public static IReadOnlyList<SuiteCase> Load(string folder)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(folder, "cases.json")));
        return document.RootElement.EnumerateArray().Select(c => new SuiteCase(
            c.GetProperty("name").GetString()!,
            c.GetProperty("file").GetString()!,
            Strings(c, "supporting"),
            c.GetProperty("profile").ValueKind == JsonValueKind.String ? c.GetProperty("profile").GetString() : null,
            Strings(c, "profile_supporting"),
            c.GetProperty("base_errors").GetInt32(),
            c.GetProperty("profile_errors").ValueKind == JsonValueKind.Number ? c.GetProperty("profile_errors").GetInt32() : null,
            Strings(c, "notes"),
            OptionalString(c, "expected_base"),
            OptionalString(c, "expected_profile"))).ToArray();
    }

    private static string? OptionalString(JsonElement c, string name) =>
        c.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string[] Strings(JsonElement c, string name) =>
        c.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}

/// <summary>One validation of a case: the base step (no profile) or the profile step.</summary>
public sealed record SuiteStep(SuiteCase Case, bool WithProfile)
{
    public string Key => $"{Case.Name}/{(WithProfile ? "profile" : "base")}";

    public int Expected => WithProfile ? Case.ProfileErrors ?? 0 : Case.BaseErrors;

    /// <summary>Where the HL7 validator put its errors (each error's expression), from the step's expected OperationOutcome; null when the case has none on file.</summary>
    public IReadOnlyList<string>? ExpectedLocations => Locations.Expected(WithProfile ? Case.ExpectedProfile : Case.ExpectedBase);

    /// <summary>The definition files this step loads: the case's supporting files, plus the profile and its own for the profile step.</summary>
    public IEnumerable<string> DefinitionFiles =>
        WithProfile ? [.. Case.Supporting, Case.Profile!, .. Case.ProfileSupporting] : Case.Supporting;

    public override string ToString() => Key;
}
