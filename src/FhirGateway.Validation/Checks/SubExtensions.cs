using System.Text.Json;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.References;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// The sub-extensions of a complex extension: a relative url (<c>species</c>) has meaning only through the
/// extension's definition, so one the definition does not name is an error, whatever the slicing rules say (closed
/// slicing already reports it as matching no slice, and is left to that).
/// </summary>
internal static class SubExtensions
{
    public static CheckResult Check(ElementNode extension, StructureDefinitionInfo definition, string url)
    {
        HashSet<string>? defined = null;
        var result = CheckResult.Success;
        foreach (var child in extension.Children)
        {
            if (child.Name != "extension" || child.Child("url")?.Text is not { } sub || ReferenceText.HasScheme(sub)) continue;
            defined ??= Defined(definition);
            if (defined.Count > 0 && !defined.Contains(sub))
                result = CheckResult.Combine(result, CheckResult.Of(IssueAt.Node(IssueCatalogue.ValExtensionSubUndefined, child, sub, url)));
        }
        return result;
    }

    /// <summary>The relative urls the definition gives its sub-extensions; empty when it defines none, or when its slicing is closed.</summary>
    private static HashSet<string> Defined(StructureDefinitionInfo definition)
    {
        var urls = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in definition.Snapshot)
        {
            if (element is { Path: "Extension.extension", SliceName: null, Slicing.Rules: "closed" }) return [];
            if (element is { Path: "Extension.extension.url", Fixed: { } value } && JsonSerializer.Deserialize<string>(value.Json) is { } sub) urls.Add(sub);
        }
        return urls;
    }
}
