using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Terminology.CodeSystems;
using FhirGateway.Fhir.Ucum;
using FhirGateway.Terminology.Validation;
using FhirGateway.Terminology.ValueSets;

namespace FhirGateway.Terminology;

/// <summary>
/// Offline terminology over any chain of definitions (R4 core, the clinic's profiles, extra packages): value set
/// expansion and code validation against held CodeSystems, grammar-based systems (UCUM, BCP-47, MIME types…) and
/// value sets that enumerate codes of systems not held (LOINC, SNOMED CT…). What cannot be decided offline is
/// <see cref="CodeCheckOutcome.Undecided"/> with an informational issue, never an error. Thread-safe; compiled value
/// sets, code systems and expansions are cached per instance, so keep one per definition chain.
/// </summary>
public sealed class TerminologyService : ITerminologyService
{
    private static readonly Lazy<TerminologyService> Core = new(() => new TerminologyService(CoreDefinitions.R4));

    private readonly ValueSetExpander _expander;
    private readonly CodeValidator _validator;

    public TerminologyService(IDefinitionSource definitions, TerminologyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
        Systems = new CodeSystemRegistry(definitions);
        Compiler = new ValueSetCompiler(definitions, Systems);
        _expander = new ValueSetExpander(options);
        _validator = new CodeValidator(Compiler, _expander, Systems);
    }

    /// <summary>The service over the embedded R4 core definitions alone.</summary>
    public static TerminologyService R4Core => Core.Value;

    public IDefinitionSource Definitions { get; }
    public CodeSystemRegistry Systems { get; }
    public ValueSetCompiler Compiler { get; }

    public CodeCheck ValidateCode(string valueSetCanonical, string? system, string? code, string? display = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(valueSetCanonical);
        return _validator.ValidateCode(valueSetCanonical, system, code, display, version);
    }

    public CodeCheck ValidateCodeInSystem(string system, string code, string? display = null, string? version = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(code);
        return _validator.ValidateCodeInSystem(system, code, display, version);
    }

    public ValueSetExpansion? Expand(string valueSetCanonical, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(valueSetCanonical);
        var vs = Compiler.Get(valueSetCanonical);
        if (vs is null)
        {
            reason = $"the value set {valueSetCanonical} is not known (not in the definitions loaded)";
            return null;
        }
        var result = _expander.Expand(vs);
        reason = result.Reason;
        return result.Expansion;
    }

    public CodeCheck ValidateUcumUnit(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var parse = UcumParser.Parse(unit);
        return parse.IsValid
            ? CodeCheck.Valid()
            : new CodeCheck(CodeCheckOutcome.Invalid, null, [IssueCatalogue.TxUcumInvalid.At(null, unit, parse.Problem)]);
    }
}
