using System.Text.Json.Nodes;
using FhirGateway.Fhir.Definitions;

namespace FhirGateway.Mapping.Ig;

/// <summary>
/// Writes the R4 ImplementationGuide resource of a package from its package.json and its files: url, version, name,
/// title, status <c>draft</c>, publisher (<c>author</c>), contact (<c>maintainers</c>), jurisdiction
/// (<c>jurisdiction</c>, <c>system#code</c>), license, packageId, fhirVersion, dependsOn (<c>dependencies</c>) and
/// <c>definition.resource</c>: every artefact (<c>exampleBoolean</c> false) and every example (<c>exampleCanonical</c>,
/// the profile it declares). Nothing in it is kept by hand, so it cannot drift from what the package holds.
/// </summary>
public static class ImplementationGuideWriter
{
    public static string FileName(JsonObject manifest) => $"ImplementationGuide-{Text(manifest, "name")}.json";

    /// <param name="artefacts">The package's resources (conformance resources and statements), as packed.</param>
    /// <param name="examples">The examples, as packed under <c>package/example/</c>.</param>
    public static JsonObject Write(JsonObject manifest, IEnumerable<JsonObject> artefacts, IEnumerable<(string Name, JsonObject Resource)> examples)
    {
        var name = Text(manifest, "name");
        var canonical = Text(manifest, "canonical");
        var fhirVersions = manifest["fhirVersions"] as JsonArray ?? throw new DefinitionFormatException("package.json has no fhirVersions");
        var guide = new JsonObject
        {
            ["resourceType"] = "ImplementationGuide",
            ["id"] = name,
            ["url"] = $"{canonical}/ImplementationGuide/{name}",
            ["version"] = Text(manifest, "version"),
            ["name"] = string.Concat(name.Split('.', '-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])),
            ["title"] = Text(manifest, "title"),
            ["status"] = "draft",
            ["experimental"] = false,
            ["publisher"] = Text(manifest, "author"),
            ["contact"] = Contact(manifest),
            ["description"] = Text(manifest, "description"),
            ["jurisdiction"] = Jurisdiction(manifest),
            ["packageId"] = name,
            ["license"] = Text(manifest, "license"),
            ["fhirVersion"] = fhirVersions.DeepClone(),
            ["dependsOn"] = DependsOn(manifest),
        };
        var resources = new JsonArray();
        foreach (var artefact in artefacts) resources.Add(Entry(artefact, null, JsonValue.Create(false), "exampleBoolean"));
        foreach (var (file, example) in examples)
        {
            var profile = (example["meta"]?["profile"] as JsonArray)?.FirstOrDefault()?.GetValue<string>();
            var title = "Example " + Path.GetFileNameWithoutExtension(file);
            resources.Add(profile is null ? Entry(example, title, JsonValue.Create(true), "exampleBoolean") : Entry(example, title, JsonValue.Create(profile), "exampleCanonical"));
        }
        guide["definition"] = new JsonObject { ["resource"] = resources };
        return guide;
    }

    /// <summary>The publisher's contact details: package.json <c>maintainers</c> (<c>name</c>, <c>url</c>, <c>email</c>).</summary>
    public static JsonArray Contact(JsonObject manifest)
    {
        var contacts = new JsonArray();
        foreach (var maintainer in (manifest["maintainers"] as JsonArray ?? throw new DefinitionFormatException("package.json has no maintainers")).OfType<JsonObject>())
        {
            var telecom = new JsonArray();
            if (maintainer["url"] is JsonValue url) telecom.Add(new JsonObject { ["system"] = "url", ["value"] = url.DeepClone() });
            if (maintainer["email"] is JsonValue email) telecom.Add(new JsonObject { ["system"] = "email", ["value"] = email.DeepClone() });
            contacts.Add(new JsonObject { ["name"] = maintainer["name"]?.DeepClone(), ["telecom"] = telecom });
        }
        return contacts;
    }

    /// <summary>package.json <c>jurisdiction</c> (<c>system#code</c>, as FHIR packages give it) as a CodeableConcept list.</summary>
    public static JsonArray Jurisdiction(JsonObject manifest)
    {
        var value = Text(manifest, "jurisdiction");
        var hash = value.LastIndexOf('#');
        if (hash <= 0 || hash == value.Length - 1) throw new DefinitionFormatException($"package.json jurisdiction '{value}' is not system#code");
        return [new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = value[..hash], ["code"] = value[(hash + 1)..] }) }];
    }

    private static JsonArray DependsOn(JsonObject manifest)
    {
        var dependsOn = new JsonArray();
        foreach (var (package, version) in manifest["dependencies"] as JsonObject ?? [])
            dependsOn.Add(new JsonObject
            {
                ["id"] = package.Replace('.', '_'),
                ["uri"] = GuideCanonical(package),
                ["packageId"] = package,
                ["version"] = version?.DeepClone(),
            });
        return dependsOn;
    }

    /// <summary>
    /// The canonical of an HL7 package's guide, by HL7's naming: <c>hl7.fhir.r4.core</c> at http://hl7.org/fhir,
    /// <c>hl7.fhir.{realm}.{code}</c> at http://hl7.org/fhir/{realm}/{code}; any other dependency is not known here.
    /// </summary>
    private static string GuideCanonical(string package)
    {
        var parts = package.Split('.');
        if (parts is ["hl7", "fhir", _, "core"]) return $"http://hl7.org/fhir/ImplementationGuide/{package}";
        if (parts is ["hl7", "fhir", var realm, var code]) return $"http://hl7.org/fhir/{realm}/{code}/ImplementationGuide/{package}";
        throw new DefinitionFormatException($"package.json dependency {package}: the canonical of its guide is not known (only HL7 packages, hl7.fhir.*, are)");
    }

    private static JsonObject Entry(JsonObject resource, string? name, JsonValue example, string exampleProperty)
    {
        var type = resource["resourceType"]?.GetValue<string>() ?? throw new DefinitionFormatException("A packed file has no resourceType");
        var id = resource["id"]?.GetValue<string>() ?? throw new DefinitionFormatException($"A packed {type} has no id: the guide cannot list it");
        var entry = new JsonObject { ["reference"] = new JsonObject { ["reference"] = $"{type}/{id}" } };
        var title = resource["title"] ?? resource["name"];
        entry["name"] = name ?? (title is JsonValue n && n.TryGetValue<string>(out var text) ? text : $"{type} {id}");
        if (resource["description"] is JsonValue description) entry["description"] = description.DeepClone();
        entry[exampleProperty] = example;
        return entry;
    }

    private static string Text(JsonObject manifest, string property) =>
        manifest[property] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : throw new DefinitionFormatException($"package.json has no {property}");
}
