using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Validation;

namespace FhirGateway.Runtime.Inbound;

/// <summary>Checks a partner's resource against R4 core; every issue comes back as data. Thread-safe.</summary>
public interface IInboundValidator
{
    IReadOnlyList<Issue> Validate(ReadOnlyMemory<byte> json, string origin);
}

/// <summary>
/// The repository's <see cref="FhirValidator"/> over R4 core alone (a partner's resources follow its own profiles,
/// not the clinic's), with the offline terminology service. Built on first use, then shared.
/// </summary>
public sealed class R4InboundValidator : IInboundValidator
{
    private readonly Lazy<FhirValidator> _validator;

    public R4InboundValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _validator = new Lazy<FhirValidator>(() => new FhirValidator(CoreDefinitions.R4, ValidatorOptions.Default with { Time = time }),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public IReadOnlyList<Issue> Validate(ReadOnlyMemory<byte> json, string origin) => _validator.Value.Validate(json, origin).Issues;
}
