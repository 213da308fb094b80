using System.Text.Json;
using System.Text.Json.Nodes;
using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Sources;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// The gateway's CapabilityStatement (kind <c>requirements</c>: what the gateway does, and so what a partner's server
/// must let it do), derived from what the code does rather than kept by hand. As a client: every type the mapping
/// produces with the clinic profiles it is sent with, the interactions delivery makes (<see cref="DeliveryNeeds"/>:
/// conditional create, conditional update, the searches of the version guard) inside one <c>transaction</c> per
/// record; and the partner's updates it reads back (<see cref="PartnerInboundOptions.DefaultTypes"/>, searched by
/// <c>_lastUpdated</c>). As a server: the Subscriptions Backport rest-hook notifications it accepts.
/// </summary>
public static class GatewayCapabilityStatement
{
    public const string Id = "fhirgw-gateway";

    public static string FileName => $"CapabilityStatement-{Id}.json";

    /// <summary>The IG's files with the gateway's CapabilityStatement added: what <c>fhirgw ig pack</c> packs.</summary>
    public static IReadOnlyList<FhirPackageFile> WithStatement(IReadOnlyList<FhirPackageFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Any(f => f.Name == FileName)) return files;
        return [.. files, new FhirPackageFile(FileName, JsonSerializer.SerializeToUtf8Bytes(Write(files)))];
    }

    public static JsonObject Write(IReadOnlyList<FhirPackageFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var manifest = JsonNode.Parse(files.First(f => f.Name == "package.json").Content)!.AsObject();
        var canonical = manifest["canonical"]!.GetValue<string>();
        var definitions = ClinicIgDefinitions.Collect(files, "IG");
        var profiles = definitions.StructureDefinitions().Where(sd => sd is { Kind: "resource", Derivation: "constraint" }).ToList();
        var dates = files.Where(f => f.Name != "package.json").Select(f => JsonNode.Parse(f.Content)?["date"]?.GetValue<string>()).OfType<string>();
        return new JsonObject
        {
            ["resourceType"] = "CapabilityStatement",
            ["id"] = Id,
            ["url"] = $"{canonical}/CapabilityStatement/{Id}",
            ["version"] = manifest["version"]!.DeepClone(),
            ["name"] = "FhirGatewayExchange",
            ["title"] = "The clinic's FHIR gateway: what it sends to a partner and what it reads back",
            ["status"] = "draft",
            ["experimental"] = false,
            ["date"] = dates.DefaultIfEmpty("2026-03-01").Max(StringComparer.Ordinal),
            ["publisher"] = manifest["author"]!.DeepClone(),
            ["contact"] = ImplementationGuideWriter.Contact(manifest),
            ["description"] = "What the clinic's gateway does at a partner's FHIR server: every clinic record becomes one transaction Bundle " +
                "of resources conforming to the clinic profiles, each written idempotently (conditional create, or conditional update for " +
                "resources that legitimately change and for corrected record versions); and, for a partner it follows, the updates the " +
                "partner's neurology team records, read back by search on _lastUpdated or taken from Subscription notifications.",
            ["jurisdiction"] = ImplementationGuideWriter.Jurisdiction(manifest),
            ["kind"] = "requirements",
            ["fhirVersion"] = "4.0.1",
            ["format"] = new JsonArray("application/fhir+json"),
            ["implementationGuide"] = new JsonArray($"{canonical}/ImplementationGuide/{manifest["name"]!.GetValue<string>()}"),
            ["rest"] = new JsonArray(Client(profiles), Server()),
        };
    }

    private static JsonObject Client(List<StructureDefinitionInfo> profiles)
    {
        var needs = DeliveryNeeds.For(PartnerSupport.Unknown);
        var readBack = PartnerInboundOptions.DefaultTypes;
        var resources = new JsonArray();
        foreach (var type in ConditionalRequests.ResourceTypes.Concat(readBack).Distinct(StringComparer.Ordinal))
        {
            var resource = new JsonObject { ["type"] = type };
            var supported = profiles.Where(p => p.Type == type).Select(p => p.Url).Order(StringComparer.Ordinal).ToList();
            if (supported.Count > 0) resource["supportedProfile"] = new JsonArray([.. supported.Select(u => JsonValue.Create(u))]);
            var sent = needs.Where(n => n.ResourceType == type).ToList();
            var read = readBack.Contains(type, StringComparer.Ordinal);
            resource["documentation"] = (sent.Count > 0 ? "Sent in the record's transaction, written idempotently. " : "") +
                (read ? "Read back: the partner's own updates of this type are searched by _lastUpdated (or taken from notifications) and matched to the clinic patient." : "");
            var interactions = new JsonArray();
            foreach (var code in sent.Select(n => n.Interaction).Concat(read ? ["search-type"] : []).Distinct(StringComparer.Ordinal))
            {
                var why = sent.Where(n => n.Interaction == code).Select(n => n.Why).Concat(read && code == "search-type" ? ["reading back the partner's updates (_lastUpdated, _sort, _count)"] : []);
                interactions.Add(new JsonObject { ["code"] = code, ["documentation"] = string.Join("; ", why.Distinct(StringComparer.Ordinal)) });
            }
            resource["interaction"] = interactions;
            if (sent.Any(n => n.Capability == "conditionalCreate")) resource["conditionalCreate"] = true;
            if (sent.Any(n => n.Capability == "conditionalUpdate")) resource["conditionalUpdate"] = true;
            if (sent.Any(n => n.Capability == "updateCreate")) resource["updateCreate"] = true;
            var parameters = sent.Select(n => n.SearchParameter).OfType<string>().Concat(read ? ["_lastUpdated"] : []).Distinct(StringComparer.Ordinal)
                .Select(code => SearchParam(type, code)).OfType<JsonObject>().ToList();
            if (parameters.Count > 0) resource["searchParam"] = new JsonArray([.. parameters]);
            resources.Add(resource);
        }
        return new JsonObject
        {
            ["mode"] = "client",
            ["documentation"] = "The gateway as a client of each partner's FHIR server: one transaction per record (POST [base] with a Bundle " +
                "conforming to the exchange-bundle profile), and, for a followed partner, searches of the types it reads back.",
            ["resource"] = resources,
            ["interaction"] = new JsonArray(new JsonObject { ["code"] = "transaction", ["documentation"] = "one transaction Bundle per clinic record (split only where the partner's limit requires it)" }),
        };
    }

    private static JsonObject Server() => new()
    {
        ["mode"] = "server",
        ["documentation"] = "The gateway accepts, from a partner that follows by subscription (Partners:N:Inbound:Mode Subscription), " +
            "Subscriptions Backport (R4) rest-hook notification Bundles at POST /inbound/notifications/{partner}, authenticated by the " +
            "bearer token configured for that partner; what a notification carries is stored before it is acknowledged.",
    };

    /// <summary>A search parameter as R4 core defines it for the type (or for every resource); null when R4 defines none.</summary>
    private static JsonObject? SearchParam(string type, string code)
    {
        var definition = CoreDefinitions.R4.SearchParameters()
            .FirstOrDefault(p => p.Code == code && (p.Base.Contains(type) || p.Base.Contains("Resource") || p.Base.Contains("DomainResource")));
        return definition is null ? null : new JsonObject { ["name"] = code, ["definition"] = definition.Url, ["type"] = definition.Type };
    }
}
