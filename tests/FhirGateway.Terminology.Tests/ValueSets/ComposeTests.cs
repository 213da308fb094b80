using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Terminology;
using static FhirGateway.Terminology.Tests.Support.Build;

namespace FhirGateway.Terminology.Tests.ValueSets;

/// <summary>Include/exclude combinations, value set imports (intersection), versions, partial systems, flags and the shipped expansion.</summary>
public sealed class ComposeTests
{
    private static string[] Codes(TerminologyService tx, string name)
    {
        var expansion = tx.Expand(Vs + name, out var reason);
        Assert.True(expansion is not null, reason);
        return expansion.Codes.Select(c => c.Code).Order(StringComparer.Ordinal).ToArray();
    }

    [Fact]
    public void Includes_are_united()
    {
        var tx = Service(ValueSet("u", Compose(Listed(Sys, "square"), Filter("concept", "is-a", "round"))));
        Assert.Equal(["circle", "ellipse", "round", "square"], Codes(tx, "u"));
    }

    [Fact]
    public void Excludes_remove_codes_from_the_includes()
    {
        var tx = Service(ValueSet("x", Compose(All()).Excluding(Filter("concept", "is-a", "polygon"), Listed(Sys, "blob"))));
        Assert.Equal(["_group", "circle", "ellipse", "old", "round", "shape"], Codes(tx, "x"));
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "x", Sys, "square").Outcome);
    }

    [Fact]
    public void An_include_with_value_sets_takes_their_intersection()
    {
        var tx = Service(
            ValueSet("polygons", Compose(Filter("concept", "is-a", "polygon"))),
            ValueSet("with-sides", Compose(Filter("sides", "exists", "true"))),
            ValueSet("both", Compose(Import(Vs + "polygons", Vs + "with-sides"))));
        Assert.Equal(["square", "triangle"], Codes(tx, "both"));
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "both", Sys, "polygon").Outcome);
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "both", Sys, "square").Outcome);
    }

    [Fact]
    public void An_include_with_a_system_and_a_value_set_intersects_them()
    {
        var tx = Service(
            ValueSet("round", Compose(Filter("concept", "is-a", "round"))),
            ValueSet("mixed", Compose(Listed(Sys, "circle", "square").And(Vs + "round"))));
        Assert.Equal(["circle"], Codes(tx, "mixed"));
    }

    [Fact]
    public void An_excluded_value_set_removes_its_codes()
    {
        var tx = Service(
            ValueSet("round", Compose(Filter("concept", "is-a", "round"))),
            ValueSet("not-round", Compose(All()).Excluding(Import(Vs + "round"))));
        Assert.DoesNotContain("circle", Codes(tx, "not-round"));
        Assert.Contains("square", Codes(tx, "not-round"));
    }

    [Fact]
    public void An_import_cycle_is_cut_and_reported_not_followed()
    {
        var tx = Service(
            ValueSet("a", Compose(Listed(Sys, "circle"), Import(Vs + "b"))),
            ValueSet("b", Compose(Listed(Sys, "square"), Import(Vs + "a"))));
        var check = tx.ValidateCode(Vs + "a", Sys, "circle");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        Assert.Contains(check.Issues, i => i.Code == "tx-valueset-cycle");
    }

    [Fact]
    public void An_unknown_imported_value_set_makes_the_code_undecided()
    {
        var tx = Service(ValueSet("i", Compose(Import("http://example.org/vs/missing"))));
        var check = tx.ValidateCode(Vs + "i", Sys, "circle");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Contains(check.Issues, i => i.Code == "tx-valueset-unknown");
    }

    [Fact]
    public void A_versioned_value_set_is_found_by_url_and_version()
    {
        var tx = Service(ValueSet("v", Compose(Listed(Sys, "circle")), "1.0"), ValueSet("v", Compose(Listed(Sys, "square")), "2.0"));
        Assert.Equal(["circle"], Codes(tx, "v|1.0"));
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "v|2.0", Sys, "square").Outcome);
    }

    [Fact]
    public void An_include_of_a_code_system_version_not_held_never_calls_a_code_invalid()
    {
        var tx = Service(ValueSet("ver", Compose(All() with { Version = "9" })));
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "ver", Sys, "circle").Outcome);
        var check = tx.ValidateCode(Vs + "ver", Sys, "hexagon");
        Assert.Equal(CodeCheckOutcome.Undecided, check.Outcome);
        Assert.Contains(check.Issues, i => i.Code == "tx-system-version-not-held");
    }

    [Fact]
    public void A_coding_version_that_is_held_is_checked_in_that_version()
    {
        var v2 = CodeSystem(Sys, C("circle"), C("square")) with { Version = "2" };
        var tx = Service(v2, ValueSet("any", Compose(All() with { Version = "1" })));
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "any", Sys, "circle", version: "2").Outcome);
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "any", Sys, "triangle", version: "2").Outcome);
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "any", Sys, "triangle", version: "1").Outcome);
    }

    [Fact]
    public void A_coding_version_that_is_not_held_is_checked_against_the_held_one_and_said_so()
    {
        var tx = Service(ValueSet("any", Compose(All())));
        var check = tx.ValidateCode(Vs + "any", Sys, "circle", version: "7");
        Assert.Equal(CodeCheckOutcome.Valid, check.Outcome);
        Assert.Contains(check.Issues, i => i.Code == "tx-system-version-other");
    }

    [Fact]
    public void A_fragment_code_system_gives_an_incomplete_expansion_and_undecided_unknown_codes()
    {
        var fragment = CodeSystem("http://example.org/cs/fragment", C("a"), C("b")) with { Content = "fragment" };
        var tx = Service(fragment, ValueSet("frag", Compose(All("http://example.org/cs/fragment"))));
        var expansion = tx.Expand(Vs + "frag", out _);
        Assert.NotNull(expansion);
        Assert.True(expansion.IsIncomplete);
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "frag", "http://example.org/cs/fragment", "a").Outcome);
        Assert.Equal(CodeCheckOutcome.Undecided, tx.ValidateCode(Vs + "frag", "http://example.org/cs/fragment", "z").Outcome);
    }

    [Fact]
    public void Expansion_flags_abstract_and_inactive_concepts()
    {
        var tx = Service(ValueSet("all", Compose(All())));
        var expansion = tx.Expand(Vs + "all", out _)!;
        Assert.True(expansion.Find(Sys, "_group")!.Abstract);
        Assert.True(expansion.Find(Sys, "blob")!.Inactive);
        Assert.False(expansion.Find(Sys, "circle")!.Inactive);
    }

    [Fact]
    public void Compose_inactive_false_leaves_inactive_codes_out()
    {
        var tx = Service(ValueSet("active", Compose(All()) with { Inactive = false }));
        Assert.DoesNotContain("blob", Codes(tx, "active"));
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode(Vs + "active", Sys, "blob").Outcome);
    }

    [Fact]
    public void The_shipped_expansion_decides_where_the_compose_cannot_be_evaluated()
    {
        var vs = ValueSet("shipped", Compose(Filter("concept", "is-a", "404684003", "http://snomed.info/sct"))) with
        {
            Expansion = new ValueSetExpansionInfo { Total = 1, Contains = [new ExpansionContainsInfo { System = "http://snomed.info/sct", Code = "86044005", Display = "ALS" }] },
        };
        var tx = Service(vs);
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "shipped", "http://snomed.info/sct", "86044005").Outcome);
        Assert.Equal(CodeCheckOutcome.Undecided, tx.ValidateCode(Vs + "shipped", "http://snomed.info/sct", "24700007").Outcome);
        var expansion = tx.Expand(Vs + "shipped", out _)!;
        Assert.Equal("86044005", Assert.Single(expansion.Codes).Code);
    }

    [Fact]
    public void A_clinic_value_set_can_import_a_core_value_set()
    {
        var tx = Service(ValueSet("gender-subset", Compose(Listed("http://hl7.org/fhir/administrative-gender", "male", "female", "xx")
            .And("http://hl7.org/fhir/ValueSet/administrative-gender"))));
        Assert.Equal(["female", "male"], Codes(tx, "gender-subset"));
    }

    [Fact]
    public void A_local_definition_shadows_core()
    {
        var local = new ValueSetInfo { Url = "http://hl7.org/fhir/ValueSet/administrative-gender", Version = "4.0.1", Compose = Compose(Listed("http://hl7.org/fhir/administrative-gender", "other")) };
        var tx = Service(local);
        Assert.Equal(CodeCheckOutcome.Invalid, tx.ValidateCode("http://hl7.org/fhir/ValueSet/administrative-gender", "http://hl7.org/fhir/administrative-gender", "male").Outcome);
    }

    [Fact]
    public void An_expansion_over_the_size_limit_is_cut_and_marked_incomplete()
    {
        var tx = new TerminologyService(DefinitionResolver.WithCore(new Support.InMemoryDefinitions(Shapes, ValueSet("all", Compose(All())))),
            new TerminologyOptions { MaxExpansionSize = 3 });
        var expansion = tx.Expand(Vs + "all", out _)!;
        Assert.Equal(3, expansion.Codes.Count);
        Assert.True(expansion.IsIncomplete);
        Assert.Equal(CodeCheckOutcome.Valid, tx.ValidateCode(Vs + "all", Sys, "ellipse").Outcome);
    }

    [Fact]
    public void Expansions_and_compiled_sets_are_cached_per_canonical()
    {
        var tx = Service(ValueSet("c", Compose(All())));
        Assert.Same(tx.Expand(Vs + "c", out _), tx.Expand(Vs + "c", out _));
        Assert.Same(tx.Compiler.Get(Vs + "c"), tx.Compiler.Get(Vs + "c"));
    }

    [Fact]
    public void Concurrent_validation_gives_the_same_answers()
    {
        var tx = Service(ValueSet("p", Compose(Filter("concept", "is-a", "polygon"))));
        var outcomes = new CodeCheckOutcome[64];
        Parallel.For(0, outcomes.Length, i => outcomes[i] = tx.ValidateCode(Vs + "p", Sys, i % 2 == 0 ? "square" : "circle").Outcome);
        for (var i = 0; i < outcomes.Length; i++) Assert.Equal(i % 2 == 0 ? CodeCheckOutcome.Valid : CodeCheckOutcome.Invalid, outcomes[i]);
    }
}
