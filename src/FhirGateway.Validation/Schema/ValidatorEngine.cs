using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;
using FhirGateway.FhirPath;
using FhirGateway.Validation.Compilation;
using FhirGateway.Validation.Resources;

namespace FhirGateway.Validation.Schema;

/// <summary>
/// What every validation of one validator shares: definitions, type model, FHIRPath compiler, schema cache,
/// terminology, options and the resource-level rules. Immutable apart from its thread-safe caches.
/// </summary>
internal sealed class ValidatorEngine
{
    public ValidatorEngine(IDefinitionSource definitions, ValidatorOptions options, ITerminologyService? terminology)
    {
        Definitions = definitions;
        Options = options;
        Terminology = terminology;
        Types = ReferenceEquals(definitions, CoreDefinitions.R4) ? StructureTypeModel.R4Core : new StructureTypeModel(definitions);
        FhirPath = new FhirPathCompiler(Types, InvariantOptions);
        Schemas = new SchemaCache(definitions, cache => new SchemaCompiler(cache, FhirPath, Types).Compile);
        ResourceRules = ResourceRuleSet.Standard;
    }

    /// <summary>How invariants are compiled: as the HL7 validator evaluates R4's (a FHIR primitive is also of its System type: que-7's <c>answer is Boolean</c>).</summary>
    public static readonly FhirPathOptions InvariantOptions = FhirPathOptions.Default with { PrimitivesAsSystemTypes = true };

    public IDefinitionSource Definitions { get; }

    public ValidatorOptions Options { get; }

    public ITerminologyService? Terminology { get; }

    public ITypeModel Types { get; }

    public FhirPathCompiler FhirPath { get; }

    public SchemaCache Schemas { get; }

    public ResourceRuleSet ResourceRules { get; }
}
