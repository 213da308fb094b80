using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Issues;
using static FhirGateway.Fhir.Tests.Definitions.Snapshots.MiniDefinitions;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

public sealed class SnapshotIssueTests
{
    private static Issue Single(StructureDefinitionInfo profile, IssueDefinition expected, params StructureDefinitionInfo[] extra)
    {
        var result = Generate(profile, extra);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(expected.Id, issue.Code);
        Assert.Equal(profile.Url, issue.Origin);
        return issue;
    }

    [Fact]
    public void Reports_a_path_the_base_does_not_have_with_its_location()
    {
        var issue = Single(Profile("p", "Observation", D("Observation"), D("Observation.colour")), IssueCatalogue.SnapshotPathNotFound);
        Assert.Equal("Observation.colour", issue.Expression);
        Assert.Contains("'colour'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_constraint_whose_root_is_not_the_base_type()
    {
        var result = Generate(Profile("p", "Observation", D("Patient"), D("Patient.name")));
        Assert.Equal(["snapshot-path-not-found", "snapshot-path-not-found"], result.Issues.Select(i => i.Code));
        Assert.Equal("Observation", result.Definition.Snapshot[0].Path);
    }

    [Fact]
    public void Reports_differential_elements_out_of_snapshot_order()
    {
        var issue = Single(Profile("p", "Observation", D("Observation"), D("Observation.code"), D("Observation.status")), IssueCatalogue.SnapshotOutOfOrder);
        Assert.Equal("Observation.status", issue.Expression);
    }

    [Fact]
    public void Reports_widened_cardinality()
    {
        Single(Profile("p", "Observation", D("Observation"), D("Observation.code") with { Max = "*" }), IssueCatalogue.SnapshotMaxAboveBase);
        Single(Profile("p", "Observation", D("Observation"), D("Observation.status") with { Min = 0 }), IssueCatalogue.SnapshotMinBelowBase);
    }

    [Fact]
    public void Reports_a_type_the_base_does_not_allow()
    {
        var typed = D("Observation.value[x]") with { Types = [new TypeRefInfo { Code = "boolean" }] };
        Single(Profile("p", "Observation", D("Observation"), typed), IssueCatalogue.SnapshotTypeNotAllowed);
        Single(Profile("p", "Observation", D("Observation"), D("Observation.valueBoolean")), IssueCatalogue.SnapshotTypeNotAllowed);
    }

    [Fact]
    public void Reports_a_weakened_binding()
    {
        Single(Profile("p", "Observation", D("Observation"), D("Observation.status") with { Binding = new BindingInfo("preferred", null) }),
            IssueCatalogue.SnapshotBindingWeakened);
    }

    [Fact]
    public void Reports_a_path_into_a_slice_that_was_never_defined()
    {
        Single(Profile("p", "Observation", D("Observation"), D("Observation.component:x.code")), IssueCatalogue.SnapshotSliceNotFound);
    }

    [Fact]
    public void Reports_a_path_below_a_choice_of_several_types()
    {
        var issue = Single(Profile("p", "Observation", D("Observation"), D("Observation.value[x].unit")), IssueCatalogue.SnapshotCannotUnfold);
        Assert.Contains("several types", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unknown_base_and_returns_the_definition_unchanged()
    {
        var profile = Profile("p", "http://example.org/missing", D("Observation"));
        var result = Generate(profile);
        Assert.Equal(IssueCatalogue.SnapshotBaseNotFound.Id, Assert.Single(result.Issues).Code);
        Assert.False(result.Definition.HasSnapshot);
    }

    [Fact]
    public void Slice_on_an_element_without_slicing_warns_but_extensions_get_url_slicing()
    {
        Single(Profile("p", "Observation", D("Observation"), D("Observation.component:a") with { SliceName = "a" }), IssueCatalogue.SnapshotSlicingMissing);
        var result = Generate(Profile("p", "Observation", D("Observation"), D("Observation.component.code.extension:a") with { SliceName = "a" }));
        Assert.Empty(result.Issues);
        Assert.Equal("url", result.Element("Observation.component.code.extension").Slicing!.Discriminators.Single().Path);
    }

    [Fact]
    public void Reports_a_new_slice_on_a_slicing_the_base_closed()
    {
        var closed = Profile("closed", "Observation", D("Observation"),
            D("Observation.component") with { Slicing = new SlicingInfo { Discriminators = [new DiscriminatorInfo("pattern", "code")], Rules = "closed" } },
            D("Observation.component:a") with { SliceName = "a" });
        Assert.Empty(Generate(closed).Issues);
        var issue = Single(Profile("more", closed.Url, D("Observation"), D("Observation.component:b") with { SliceName = "b" }), IssueCatalogue.SnapshotSliceOnClosedSlicing, closed);
        Assert.Equal("Observation.component:b", issue.Expression);
    }

    [Fact]
    public void Reports_type_profiles_that_are_unknown_or_for_another_type()
    {
        var unknown = D("Observation.code") with { Types = [new TypeRefInfo { Code = "Coding", Profiles = ["http://example.org/nowhere"] }] };
        Assert.Equal(IssueSeverity.Warning, Single(Profile("p", "Observation", D("Observation"), unknown), IssueCatalogue.SnapshotProfileNotFound).Severity);
        var wrong = D("Observation.code") with { Types = [new TypeRefInfo { Code = "Coding", Profiles = [Core + "Quantity"] }] };
        Single(Profile("p", "Observation", D("Observation"), wrong), IssueCatalogue.SnapshotProfileTypeMismatch);
    }
}
