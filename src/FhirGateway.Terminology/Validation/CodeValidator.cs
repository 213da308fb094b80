using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology.CodeSystems;
using FhirGateway.Terminology.ValueSets;

namespace FhirGateway.Terminology.Validation;

/// <summary>
/// Turns membership verdicts into code checks: the outcome, the display, and issues that say which code, which
/// system, which value set and what would be valid. Undecided is never an error. Thread-safe.
/// </summary>
internal sealed class CodeValidator(ValueSetCompiler compiler, ValueSetExpander expander, CodeSystemRegistry systems)
{
    private const int ListUpTo = 12;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string ValueSet, string System), string> _hints = new();

    public CodeCheck ValidateCode(string valueSet, string? system, string? code, string? display, string? version)
    {
        var check = ValidateCode(valueSet, system, code, display);
        return version is null || system is null || code is null || check.Outcome == CodeCheckOutcome.Invalid ? check : WithVersion(check, system, code, version);
    }

    /// <summary>
    /// A coding that names a version: the code must exist in that version where it is held (a code it does not
    /// define is invalid); where only another version is held, the code was checked there and the issue says so.
    /// </summary>
    private CodeCheck WithVersion(CodeCheck check, string system, string code, string version)
    {
        var versioned = systems.Resolve(system, version);
        if (versioned is VersionedFallback fallback)
            return versioned.Lookup(code).Outcome == LookupOutcome.Found
                ? check with { Issues = [.. check.Issues, IssueCatalogue.TxSystemVersionOther.At(null, version, system, code, fallback.Version ?? "(unversioned)")] }
                : check;
        var lookup = versioned.Lookup(code);
        return lookup.Outcome == LookupOutcome.NotFound ? new CodeCheck(CodeCheckOutcome.Invalid, null, [lookup.Reason!]) : check;
    }

    private CodeCheck ValidateCode(string valueSet, string? system, string? code, string? display)
    {
        var vs = compiler.Get(valueSet);
        if (vs is null && Canonical.Split(valueSet) is (var url, { } version) && compiler.Get(url) is { } other)
        {
            var check = ValidateCode(other, system, code, display);
            return check with { Issues = [.. check.Issues, IssueCatalogue.TxValueSetVersionOther.At(null, version, url, other.Canonical)] };
        }
        if (vs is null) return Undecided(IssueCatalogue.TxValueSetUnknown.At(null, valueSet, Coding(system, code ?? "")));
        return ValidateCode(vs, system, code, display);
    }

    private CodeCheck ValidateCode(CompiledValueSet vs, string? system, string? code, string? display)
    {
        if (string.IsNullOrEmpty(code)) return new CodeCheck(CodeCheckOutcome.Invalid, null, [IssueCatalogue.TxCodeMissing.At(null, system ?? "(none)", vs.Canonical)]);
        if (system is null) return WithoutSystem(vs, code, display);
        return Conclude(vs, system, code, display, vs.Test(system, code));
    }

    public CodeCheck ValidateCodeInSystem(string system, string code, string? display, string? version)
    {
        var lookup = systems.Resolve(system, version).Lookup(code);
        return lookup.Outcome switch
        {
            LookupOutcome.Found => new CodeCheck(CodeCheckOutcome.Valid, lookup.Concept!.Display, ConceptChecks.For(system, lookup.Concept, display) ?? []),
            LookupOutcome.NotFound => new CodeCheck(CodeCheckOutcome.Invalid, null, [lookup.Reason!]),
            _ => Undecided(lookup.Reason!),
        };
    }

    private CodeCheck WithoutSystem(CompiledValueSet vs, string code, string? display)
    {
        Membership? unknown = null;
        foreach (var candidate in vs.Systems)
        {
            var m = vs.Test(candidate, code);
            if (m.IsIn) return Conclude(vs, candidate, code, display, m);
            if (m.Kind == MembershipKind.Unknown) unknown ??= m;
        }
        if (unknown is { } u) return Undecided(u.Reason ?? IssueCatalogue.TxMembershipUndecided.At(null, code, vs.Canonical, "no system is given"));
        if (vs.Systems.Count == 0 && vs.Problem is not null) return Undecided(vs.Problem);
        return new CodeCheck(CodeCheckOutcome.Invalid, null, [IssueCatalogue.TxSystemMissing.At(null, code, vs.Canonical, ValidCodes(vs, null))]);
    }

    private CodeCheck Conclude(CompiledValueSet vs, string system, string code, string? display, Membership m)
    {
        switch (m.Kind)
        {
            case MembershipKind.In:
                var issues = ConceptChecks.For(system, m.Concept!, display);
                if (vs.Problem is not null) (issues ??= []).Add(vs.Problem);
                return new CodeCheck(CodeCheckOutcome.Valid, m.Concept!.Display, issues ?? (IReadOnlyList<Issue>)[]);
            case MembershipKind.Unknown:
                return Undecided(m.Reason ?? IssueCatalogue.TxMembershipUndecided.At(null, Coding(system, code), vs.Canonical, "a part of its definition cannot be evaluated offline"), vs.Problem);
            default:
                return new CodeCheck(CodeCheckOutcome.Invalid, null, [OutReason(vs, system, code, m)]);
        }
    }

    private Issue OutReason(CompiledValueSet vs, string system, string code, Membership m)
    {
        if (!vs.Systems.Contains(system))
            return IssueCatalogue.TxSystemNotInValueSet.At(null, Coding(system, code), vs.Canonical, system, Systems(vs));
        if (m.Reason is { } reason && reason.Code != IssueCatalogue.TxCodeUnknown.Id) return reason;
        var hint = ValidCodes(vs, system);
        if (m.Reason is not null) hint = $"it is not defined in the code system {system} at all; {hint}";
        return IssueCatalogue.TxCodeNotInValueSet.At(null, Coding(system, code), vs.Canonical, hint);
    }

    /// <summary>"valid codes are a (A), b (B)" for a small set, otherwise how many codes it has and from which systems.</summary>
    private string ValidCodes(CompiledValueSet vs, string? system) =>
        _hints.GetOrAdd((vs.Canonical, system ?? ""), static (_, a) => a.Self.DescribeValidCodes(a.Vs, a.System), (Self: this, Vs: vs, System: system));

    private string DescribeValidCodes(CompiledValueSet vs, string? system)
    {
        var expansion = expander.Expand(vs).Expansion;
        if (expansion is null) return $"it draws on {Systems(vs)}";
        var codes = expansion.Codes.Where(c => system is null || c.System == system).ToList();
        if (codes.Count == 0) return $"it draws on {Systems(vs)}";
        if (codes.Count <= ListUpTo && !expansion.IsIncomplete)
            return "valid codes are " + string.Join(", ", codes.Select(c => c.Display is null ? c.Code : $"{c.Code} ({c.Display})"));
        return $"it has {(expansion.IsIncomplete ? "at least " : "")}{codes.Count} codes{(system is null ? "" : $" from {system}")}, e.g. {string.Join(", ", codes.Take(3).Select(c => c.Code))}";
    }

    private static string Systems(CompiledValueSet vs) =>
        vs.Systems.Count == 0 ? "no code system" : string.Join(", ", vs.Systems.Take(5)) + (vs.Systems.Count > 5 ? $" and {vs.Systems.Count - 5} more" : "");

    private static string Coding(string? system, string code) => system is null ? $"'{code}'" : $"{system}#{code}";

    private static CodeCheck Undecided(Issue reason, Issue? also = null) =>
        new(CodeCheckOutcome.Undecided, null, also is null ? [reason] : [reason, also]);
}
