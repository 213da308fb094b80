using FhirGateway.Fhir.Definitions;
using FhirGateway.Terminology.Tests.Support;
using static FhirGateway.Terminology.Tests.Support.Build;

namespace FhirGateway.Terminology.Tests.ValueSets;

/// <summary>Every compose filter operator over the synthetic Shapes code system (shape > polygon > triangle, square; round > circle, ellipse).</summary>
public sealed class FilterTests
{
    private static string[] Expand(ConceptSetInfo include)
    {
        var tx = Service(ValueSet("f", Compose(include)));
        var expansion = tx.Expand(Vs + "f", out var reason);
        Assert.True(expansion is not null, reason);
        Assert.False(expansion.IsIncomplete);
        return expansion.Codes.Select(c => c.Code).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Is_a_selects_the_concept_and_everything_below_it() =>
        Assert.Equal(["polygon", "square", "triangle"], Expand(Filter("concept", "is-a", "polygon")));

    [Fact]
    public void Descendent_of_leaves_out_the_concept_itself() =>
        Assert.Equal(["circle", "ellipse"], Expand(Filter("concept", "descendent-of", "round")));

    [Fact]
    public void Is_not_a_selects_everything_outside_the_subtree() =>
        Assert.Equal(["_group", "blob", "old", "polygon", "shape", "square", "triangle"], Expand(Filter("concept", "is-not-a", "round")));

    [Fact]
    public void Generalizes_selects_the_concept_and_its_ancestors() =>
        Assert.Equal(["polygon", "shape", "triangle"], Expand(Filter("concept", "generalizes", "triangle")));

    [Fact]
    public void Equals_compares_a_property_value() =>
        Assert.Equal(["square"], Expand(Filter("sides", "=", "4")));

    [Fact]
    public void Equals_on_parent_selects_the_direct_children() =>
        Assert.Equal(["circle", "ellipse"], Expand(Filter("parent", "=", "round")));

    [Fact]
    public void In_selects_codes_from_a_comma_separated_list() =>
        Assert.Equal(["circle", "square"], Expand(Filter("code", "in", "square, circle,unknown")));

    [Fact]
    public void Not_in_selects_codes_outside_the_list() =>
        Assert.Equal(["triangle"], Expand(Filter("sides", "not-in", "4,5") with { Filters = [new("sides", "not-in", "4,5"), new("sides", "exists", "true")] }));

    [Fact]
    public void Regex_must_match_the_whole_code() =>
        Assert.Equal(["circle", "square"], Expand(Filter("code", "regex", "(s|c)[a-z]*re|circle")));

    [Fact]
    public void Exists_true_selects_concepts_with_the_property() =>
        Assert.Equal(["square", "triangle"], Expand(Filter("sides", "exists", "true")));

    [Fact]
    public void Exists_false_selects_concepts_without_the_property() =>
        Assert.DoesNotContain("square", Expand(Filter("sides", "exists", "false")));

    [Fact]
    public void Two_filters_on_one_include_must_both_match() =>
        Assert.Equal(["circle"], Expand(Filter("concept", "is-a", "round") with { Filters = [new("concept", "is-a", "round"), new("colour", "=", "red")] }));

    [Fact]
    public void Is_a_on_an_unknown_concept_selects_nothing() =>
        Assert.Empty(Expand(Filter("concept", "is-a", "hexagon")));

    [Fact]
    public void A_filter_on_a_system_not_held_gives_undecided_not_invalid()
    {
        var tx = Service(ValueSet("snomed", Compose(Filter("concept", "is-a", "404684003", "http://snomed.info/sct"))));
        var check = tx.ValidateCode(Vs + "snomed", "http://snomed.info/sct", "86044005");
        Assert.Equal(FhirGateway.Fhir.Terminology.CodeCheckOutcome.Undecided, check.Outcome);
        Assert.All(check.Issues, i => Assert.False(i.IsError));
        Assert.Null(tx.Expand(Vs + "snomed", out var reason));
        Assert.Contains("http://snomed.info/sct", reason);
    }

    [Fact]
    public void A_code_regex_filter_is_evaluated_on_a_grammar_system()
    {
        var tx = Service(ValueSet("alpha3", Compose(Filter("code", "regex", "[A-Z]{3}", "urn:iso:std:iso:3166"))));
        Assert.Equal(FhirGateway.Fhir.Terminology.CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "alpha3", "urn:iso:std:iso:3166", "NL").Outcome);
        Assert.NotEqual(FhirGateway.Fhir.Terminology.CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "alpha3", "urn:iso:std:iso:3166", "NLD").Outcome);
    }
}
