using FhirGateway.Fhir.Definitions;
using FhirGateway.Mapping.Bundles;

namespace FhirGateway.Mapping.Tests.Bundles;

/// <summary>Every conditional request the mapping can produce uses only search parameters that exist, read from the R4 SearchParameter definitions.</summary>
public sealed class ConditionalRequestTableTests
{
    /// <summary>Type → codes, straight from the SearchParameter resources of the definitions pack (independent of <see cref="SearchParameterCatalog"/>).</summary>
    private static readonly ILookup<string, string> R4 = CoreDefinitions.R4.SearchParameters()
        .SelectMany(p => p.Base.Select(b => (Base: b, p.Code))).ToLookup(x => x.Base, x => x.Code);

    private static bool Defined(string type, string code) => R4[type].Contains(code) || R4["Resource"].Contains(code) || R4["DomainResource"].Contains(code);

    [Fact]
    public void The_table_covers_every_resource_type_the_clinic_profiles_constrain_including_MedicationStatement()
    {
        var types = ConditionalRequests.Table(PartnerSupport.Unknown).Select(r => r.ResourceType).ToList();

        Assert.Contains("MedicationStatement", types);
        Assert.Contains("BiologicallyDerivedProduct", types);
        Assert.DoesNotContain("Bundle", types);
        Assert.Equal(types.Distinct().Count(), types.Count);
    }

    [Fact]
    public void Every_conditional_request_of_the_table_uses_a_search_parameter_R4_defines_for_its_type()
    {
        foreach (var rule in ConditionalRequests.Table(PartnerSupport.Unknown))
        {
            var request = ConditionalRequests.For(rule.ResourceType, new BusinessIdentifier("urn:test", "v1"), 2);
            var query = request.IfNoneExist ?? (request.Url.Contains('?', StringComparison.Ordinal) ? request.Url[(request.Url.IndexOf('?', StringComparison.Ordinal) + 1)..] : null);
            if (query is null)
            {
                Assert.Equal(IdempotencePath.ClientAssignedId, rule.Path);
                continue;
            }
            var code = query[..query.IndexOf('=', StringComparison.Ordinal)];
            Assert.True(Defined(rule.ResourceType, code), $"{rule.ResourceType}: R4 defines no search parameter '{code}'");
        }
    }

    [Fact]
    public void A_type_without_an_identifier_search_goes_by_tag_or_by_a_client_assigned_id_where_the_partner_creates_on_update()
    {
        Assert.False(Defined("BiologicallyDerivedProduct", "identifier"));

        var byTag = ConditionalRequests.For("BiologicallyDerivedProduct", new BusinessIdentifier("urn:lot", "L1"), 1);
        var byId = ConditionalRequests.For("BiologicallyDerivedProduct", new BusinessIdentifier("urn:lot", "L1"), 1,
            new PartnerSupport { UpdateCreate = new HashSet<string> { "BiologicallyDerivedProduct" } });

        Assert.Equal(("POST", "_tag=urn:lot|L1"), (byTag.Method, byTag.IfNoneExist));
        Assert.Equal("PUT", byId.Method);
        Assert.StartsWith("BiologicallyDerivedProduct/", byId.Url, StringComparison.Ordinal);
        Assert.Equal(byId.Url, ConditionalRequests.For("BiologicallyDerivedProduct", new BusinessIdentifier("urn:lot", "L1"), 3,
            new PartnerSupport { UpdateCreate = new HashSet<string> { "BiologicallyDerivedProduct" } }).Url);
    }

    [Fact]
    public void When_the_partner_lists_search_parameters_a_type_whose_identifier_it_does_not_declare_avoids_it()
    {
        var support = new PartnerSupport
        {
            SearchParameters = new Dictionary<string, IReadOnlySet<string>> { ["Observation"] = new HashSet<string> { "code", "_tag" } },
        };

        var observation = ConditionalRequests.Rule("Observation", support);
        var condition = ConditionalRequests.Rule("Condition", support);

        Assert.Equal(("_tag", IdempotencePath.Tag), (observation.SearchParameter, observation.Path));
        Assert.Equal(("identifier", IdempotencePath.Identifier), (condition.SearchParameter, condition.Path));
    }
}
