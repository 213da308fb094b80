using System.Text.Json.Nodes;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>
/// The conventions every artefact of the clinic IG keeps, whoever adds it (every StructureDefinition, ValueSet and
/// CodeSystem in profiles/): status draft; the package's version; publisher = package.json author; contact =
/// package.json maintainers; jurisdiction = package.json jurisdiction; a description; a canonical url under the IG's
/// base named for its type and id. A StructureDefinition also has a title, and every differential element that
/// constrains something (anything beyond id, path and mustSupport) says what in its <c>short</c>.
/// </summary>
public sealed class IgConventionTests
{
    private static readonly JsonObject Manifest = JsonNode.Parse(ClinicIgDefinitions.Files.Single(f => f.Name == "package.json").Content)!.AsObject();

    public static TheoryData<string> Artefacts() => new(ClinicIgDefinitions.Files.Where(f => f.Name != "package.json").Select(f => f.Name));

    public static TheoryData<string> StructureDefinitions() => new(ClinicIgDefinitions.Files.Where(f => f.Name.StartsWith("StructureDefinition-", StringComparison.Ordinal)).Select(f => f.Name));

    private static JsonObject Read(string file) => JsonNode.Parse(ClinicIgDefinitions.Files.Single(f => f.Name == file).Content)!.AsObject();

    private static string? Text(JsonNode? node, string property) => node?[property] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [Theory]
    [MemberData(nameof(Artefacts))]
    public void An_artefact_is_a_draft_of_the_package_s_version_with_its_publisher_contact_jurisdiction_and_a_description(string file)
    {
        var artefact = Read(file);
        Assert.Equal("draft", Text(artefact, "status"));
        Assert.Equal(Text(Manifest, "version"), Text(artefact, "version"));
        Assert.Equal(Text(Manifest, "author"), Text(artefact, "publisher"));
        Assert.True(JsonNode.DeepEquals(ImplementationGuideWriter.Contact(Manifest), artefact["contact"]), $"contact: {artefact["contact"]?.ToJsonString()}");
        Assert.True(JsonNode.DeepEquals(ImplementationGuideWriter.Jurisdiction(Manifest), artefact["jurisdiction"]), $"jurisdiction: {artefact["jurisdiction"]?.ToJsonString()}");
        Assert.False(string.IsNullOrWhiteSpace(Text(artefact, "description")), "no description");
        Assert.Equal($"{Text(Manifest, "canonical")}/{Text(artefact, "resourceType")}/{Text(artefact, "id")}", Text(artefact, "url"));
    }

    [Theory]
    [MemberData(nameof(StructureDefinitions))]
    public void Every_element_a_profile_or_extension_constrains_says_what_in_its_short(string file)
    {
        var definition = Read(file);
        Assert.False(string.IsNullOrWhiteSpace(Text(definition, "title")), "no title");
        var silent = (definition["differential"]?["element"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => e.Select(p => p.Key).Any(k => k is not ("id" or "path" or "mustSupport")) && string.IsNullOrWhiteSpace(Text(e, "short")))
            .Select(e => Text(e, "id")).ToList();
        Assert.True(silent.Count == 0, "Constrained without a short: " + string.Join(", ", silent));
    }

    [Fact]
    public void The_manifest_names_the_publisher_s_contact_and_jurisdiction_the_artefacts_repeat()
    {
        Assert.NotEmpty(ImplementationGuideWriter.Contact(Manifest).OfType<JsonObject>().SelectMany(c => c["telecom"] as JsonArray ?? []));
        Assert.Single(ImplementationGuideWriter.Jurisdiction(Manifest));
        Assert.Throws<FhirGateway.Fhir.Definitions.DefinitionFormatException>(() => ImplementationGuideWriter.Jurisdiction(new JsonObject { ["jurisdiction"] = "World" }));
    }
}
