namespace FhirGateway.Runtime.Store;

/// <summary>The consents a patient's records stated, for the pipeline's routing and the delivery's check at send time.</summary>
public interface IConsentReader
{
    /// <summary>The consents the routed records of a patient stated.</summary>
    Task<IReadOnlyList<ConsentRecord>> GetConsentsAsync(string patientId, CancellationToken cancellationToken);
}
