using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;
using static FhirGateway.Fhir.Tests.Definitions.Snapshots.MiniDefinitions;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

public sealed class SnapshotComparerTests
{
    private static readonly IReadOnlyList<ElementDefinitionInfo> Expected = Observation.Snapshot;

    [Fact]
    public void Identical_snapshots_have_no_differences() => Assert.Empty(SnapshotComparer.Compare(Expected, Expected.ToList()));

    [Fact]
    public void Reports_missing_extra_and_reordered_elements()
    {
        var actual = Expected.Where(e => e.Path != "Observation.status").Append(E("Observation.extra", 0, "1", "string")).ToList();
        (actual[1], actual[2]) = (actual[2], actual[1]);
        var differences = SnapshotComparer.Compare(Expected, actual);
        Assert.Contains(differences, d => d is { ElementId: "Observation.status", Aspect: "element", Actual: "missing" });
        Assert.Contains(differences, d => d is { ElementId: "Observation.extra", Aspect: "element", Actual: "present" });
        Assert.Contains(differences, d => d.Aspect == "order");
    }

    [Fact]
    public void Reports_each_compared_aspect_and_ignores_unselected_ones()
    {
        var actual = Expected.Select(e => e.Path == "Observation.code"
            ? e with { Min = 0, Types = [new TypeRefInfo { Code = "Coding", Profiles = ["x"] }], Binding = null, Constraints = [] }
            : e).ToList();
        var aspects = SnapshotComparer.Compare(Expected, actual).Select(d => d.Aspect).ToList();
        Assert.Equal(["min", "types", "binding", "constraints"], aspects);
        Assert.Equal(["min"], SnapshotComparer.Compare(Expected, actual, SnapshotAspects.Cardinality).Select(d => d.Aspect));
    }

    [Fact]
    public void Value_aspect_ignores_json_formatting_but_not_content()
    {
        ElementDefinitionInfo[] With(string json) => [E("Observation", 0, "*") with { Fixed = new FhirValue("Quantity", json) }];
        Assert.Empty(SnapshotComparer.Compare(With("{\"value\": 1.5}"), With("{\"value\":1.5}"), SnapshotAspects.All));
        var difference = Assert.Single(SnapshotComparer.Compare(With("{\"value\": 1.5}"), With("{\"value\": 2}"), SnapshotAspects.All));
        Assert.Equal("fixed", difference.Aspect);
        Assert.Empty(SnapshotComparer.Compare(With("{\"value\": 1.5}"), With("{\"value\": 2}")));
    }
}
