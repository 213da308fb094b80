using FhirGateway.Mapping;

namespace FhirGateway.Validation.Tests.PartnerIgs;

/// <summary>
/// A partner IG the gateway has never been tuned to: IPS 2.0.0, loaded as a user loads it (<c>fhirgw validate --ig</c>),
/// with the dependencies the package folder lacks named. Its own examples must validate against it without a false
/// error; the gateway's mapped resources are validated against the IPS profiles to show what an IPS partner would see.
/// </summary>
public sealed class IpsTests(ITestOutputHelper output)
{
    [NeedsIpsFact]
    public void The_missing_dependencies_are_named_and_the_profiles_load()
    {
        var workspace = IpsPackage.Workspace.Value;
        foreach (var note in workspace.Notes) output.WriteLine(note);
        Assert.Contains(workspace.Packages, p => p.Name == IpsPackage.Name);
        Assert.All(workspace.Notes, n => Assert.Contains("depends on", n, StringComparison.Ordinal));
        Assert.NotNull(workspace.Definitions.Find(Fhir.Definitions.DefinitionKind.StructureDefinition, IpsPackage.Canonical + "Patient-uv-ips"));
    }

    [NeedsIpsFact]
    public void Every_example_of_the_IPS_package_validates_against_IPS_without_errors()
    {
        var package = IpsPackage.Workspace.Value.Packages.Single(p => p.Name == IpsPackage.Name);
        Assert.NotEmpty(package.Examples);
        var failures = new List<string>();
        foreach (var example in package.Examples)
        {
            var result = IpsPackage.Validator.Value.Validate(example.Content, example.Name);
            Assert.Contains("\"" + IpsPackage.Canonical, System.Text.Encoding.UTF8.GetString(example.Content), StringComparison.Ordinal);
            failures.AddRange(result.Issues.Where(i => i.IsError).Select(i => i.ToString()));
        }
        output.WriteLine($"{package.Examples.Count} examples, {failures.Count} errors");
        foreach (var failure in failures) output.WriteLine(failure);
        Assert.Empty(failures);
    }

    /// <summary>
    /// What an IPS partner sees of the gateway's Patient and biomarker Observations (README, "Partner IGs"): they conform
    /// to Patient-uv-ips and Observation-results-laboratory-pathology-uv-ips without an error. The same Observation
    /// without its category fails against the IPS profile, so the profile is really applied.
    /// </summary>
    [NeedsIpsFact]
    public void The_gateway_Patient_and_biomarker_results_conform_to_IPS()
    {
        var record = new RecordMapper().Map(File.ReadAllBytes(Path.Combine(Repository.Root, "seeds", "als", "04-baseline-panel.json"))).Record!;
        var patient = record.Resources.Single(r => r.ResourceType == "Patient");
        Assert.Empty(Errors(patient.Json, "Patient-uv-ips"));
        var observations = record.Resources.Where(r => r.ResourceType == "Observation").ToList();
        Assert.NotEmpty(observations);
        foreach (var observation in observations)
        {
            var errors = Errors(observation.Json, Laboratory);
            foreach (var error in errors) output.WriteLine($"{observation.Id}: {error}");
            Assert.Empty(errors);
        }
        var node = System.Text.Json.Nodes.JsonNode.Parse(observations[0].Json.Span)!.AsObject();
        node.Remove("category");
        Assert.Contains(Errors(System.Text.Encoding.UTF8.GetBytes(node.ToJsonString()), Laboratory),
            e => e.Message.Contains(IpsPackage.Canonical + Laboratory, StringComparison.Ordinal));
    }

    private const string Laboratory = "Observation-results-laboratory-pathology-uv-ips";

    private static List<Fhir.Issues.Issue> Errors(ReadOnlyMemory<byte> json, string profile) =>
        IpsPackage.Validator.Value.Validate(json, null, [IpsPackage.Canonical + profile]).Issues.Where(i => i.IsError).ToList();
}

/// <summary>The repository's root folder (the one holding FhirGateway.sln).</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FhirGateway.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("FhirGateway.sln not found above the test folder");
    }
}
