using FhirGateway.Fhir.Definitions;
using FhirGateway.Validation;

namespace FhirGateway.Firely.Tests.Oracles;

/// <summary>The gateway's own validator over the packed IG (its snapshots as packed) in front of R4 core. Thread-safe.</summary>
internal static class GatewayOracle
{
    private static readonly Lazy<FhirValidator> Validator = new(
        () => new FhirValidator(DefinitionResolver.WithCore([PackedIg.TgzPath], [])), LazyThreadSafetyMode.ExecutionAndPublication);

    public static Verdict Validate(ReadOnlyMemory<byte> json, string? profile, string origin)
    {
        var result = Validator.Value.Validate(json, origin, profile is null ? null : [profile]);
        return new Verdict(result.Issues.Where(i => i.IsError)
            .Select(i => new OracleError(i.Code, i.Expression, i.Message)).ToList());
    }
}
