namespace FhirGateway.Fhir.Tests.Support;

/// <summary>A theory over a folder of ../shared/conformance; skipped, with the reason, when the folder is absent.</summary>
public sealed class ConformanceTheoryAttribute : TheoryAttribute
{
    public ConformanceTheoryAttribute(string folder)
    {
        if (SharedConformance.Folder(folder) is null) Skip = SharedConformance.MissingReason(folder);
    }
}
