namespace FhirGateway.Testing.Partners;

/// <summary>A fact that needs the Medplum partner: skipped, with the reason, where node or its packages are absent.</summary>
public sealed class MedplumFactAttribute : FactAttribute
{
    public MedplumFactAttribute()
    {
        if (MedplumPartner.Unavailable is { } reason) Skip = reason;
    }
}
