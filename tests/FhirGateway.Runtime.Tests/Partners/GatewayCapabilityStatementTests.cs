using System.Text.Json.Nodes;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Mapping.Ig;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Partners;

namespace FhirGateway.Runtime.Tests.Partners;

public sealed class GatewayCapabilityStatementTests
{
    private static readonly JsonObject Statement = GatewayCapabilityStatement.Write(ClinicIgDefinitions.Files);

    private static JsonObject Client => Statement["rest"]!.AsArray().OfType<JsonObject>().Single(r => r["mode"]!.GetValue<string>() == "client");

    private static JsonObject Resource(string type) => Client["resource"]!.AsArray().OfType<JsonObject>().Single(r => r["type"]!.GetValue<string>() == type);

    [Fact]
    public void Every_interaction_delivery_needs_is_stated_on_its_type_with_its_capability_and_search_parameter()
    {
        foreach (var need in DeliveryNeeds.For(PartnerSupport.Unknown))
        {
            var resource = Resource(need.ResourceType);
            Assert.Contains(need.Interaction, resource["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
            if (need.Capability is { } capability) Assert.True(resource[capability]!.GetValue<bool>(), $"{need.ResourceType} {capability}");
            if (need.SearchParameter is { } parameter) Assert.Contains(parameter, resource["searchParam"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void Every_type_read_back_is_searched_by_last_updated()
    {
        foreach (var type in PartnerInboundOptions.DefaultTypes)
        {
            var resource = Resource(type);
            Assert.Contains("search-type", resource["interaction"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));
            var lastUpdated = resource["searchParam"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == "_lastUpdated")!;
            Assert.Equal(("date", "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated"), (lastUpdated["type"]!.GetValue<string>(), lastUpdated["definition"]!.GetValue<string>()));
        }
    }

    [Fact]
    public void It_is_a_draft_requirements_statement_for_the_clinic_guide_without_software_or_implementation()
    {
        Assert.Equal(("requirements", "draft", "4.0.1"), (Statement["kind"]!.GetValue<string>(), Statement["status"]!.GetValue<string>(), Statement["fhirVersion"]!.GetValue<string>()));
        Assert.Null(Statement["software"]);
        Assert.Null(Statement["implementation"]);
        Assert.Equal($"{ClinicIg.Base}/ImplementationGuide/{ClinicIg.PackageName}", Statement["implementationGuide"]![0]!.GetValue<string>());
        Assert.Equal("transaction", Client["interaction"]![0]!["code"]!.GetValue<string>());
    }

    [Fact]
    public void Adding_the_statement_to_files_that_have_it_changes_nothing()
    {
        var files = GatewayCapabilityStatement.WithStatement(ClinicIgDefinitions.Files);
        Assert.Equal(ClinicIgDefinitions.Files.Count + 1, files.Count);
        Assert.Same(files, GatewayCapabilityStatement.WithStatement(files));
    }
}
