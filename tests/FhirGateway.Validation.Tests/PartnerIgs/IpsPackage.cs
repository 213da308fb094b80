using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Mapping.Ig;
using FhirGateway.Validation.Setup;

namespace FhirGateway.Validation.Tests.PartnerIgs;

/// <summary>
/// The International Patient Summary IG 2.0.0 (hl7.fhir.uv.ips, CC0) in the local FHIR package folder, where .ci/run
/// fetches it with npm pack; composed as <c>fhirgw validate --ig &lt;that folder&gt;</c> composes it.
/// </summary>
internal static class IpsPackage
{
    public const string Name = "hl7.fhir.uv.ips";
    public const string Version = "2.0.0";
    public const string Canonical = "http://hl7.org/fhir/uv/ips/StructureDefinition/";

    public static string? Folder { get; } = PackageFolder.Default.Find(Name, Version);

    public static string Missing =>
        $"{Name}#{Version} is not in the local FHIR package folder ({PackageFolder.Default}); .ci/run fetches it with npm pack";

    public static readonly Lazy<ValidationWorkspace> Workspace = new(() =>
        ValidationWorkspace.Open(new WorkspaceInputs { Igs = [Folder!], Behind = ClinicIgDefinitions.WithCore }));

    public static readonly Lazy<FhirValidator> Validator = new(() => Workspace.Value.CreateValidator());
}

/// <summary>A fact over the IPS package, skipped with the reason when the package is not in the local package folder.</summary>
internal sealed class NeedsIpsFactAttribute : FactAttribute
{
    public NeedsIpsFactAttribute()
    {
        if (IpsPackage.Folder is null) Skip = IpsPackage.Missing;
    }
}
