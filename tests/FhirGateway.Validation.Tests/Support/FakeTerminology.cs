using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;

namespace FhirGateway.Validation.Tests.Support;

/// <summary>A terminology service over a fixed table: value set → its (system, code) members; anything from <see cref="UnheldSystem"/> is undecided.</summary>
internal sealed class FakeTerminology(Dictionary<string, (string System, string Code)[]> valueSets) : ITerminologyService
{
    public const string UnheldSystem = "http://unheld.example.org";

    public List<(string ValueSet, string? System, string? Code)> Calls { get; } = [];

    public CodeCheck ValidateCode(string valueSetCanonical, string? system, string? code, string? display = null, string? version = null)
    {
        lock (Calls) Calls.Add((valueSetCanonical, system, code));
        if (system == UnheldSystem) return new CodeCheck(CodeCheckOutcome.Undecided, null, []);
        var url = valueSetCanonical.Split('|')[0];
        if (!valueSets.TryGetValue(url, out var members)) return new CodeCheck(CodeCheckOutcome.Undecided, null, []);
        return members.Any(m => m.Code == code && (system is null || m.System == system))
            ? CodeCheck.Valid()
            : new CodeCheck(CodeCheckOutcome.Invalid, null, []);
    }

    public CodeCheck ValidateCodeInSystem(string system, string code, string? display = null, string? version = null) =>
        new(CodeCheckOutcome.Undecided, null, []);

    public ValueSetExpansion? Expand(string valueSetCanonical, out string? reason)
    {
        reason = "not expanded by the fake";
        return null;
    }

    public CodeCheck ValidateUcumUnit(string unit) => CodeCheck.Valid();
}
