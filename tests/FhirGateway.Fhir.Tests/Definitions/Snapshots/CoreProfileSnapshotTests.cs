using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Definitions.Snapshots;

namespace FhirGateway.Fhir.Tests.Definitions.Snapshots;

/// <summary>
/// Every R4 core constraint StructureDefinition (profiles, data type profiles, extensions) that ships with both a
/// snapshot and a differential: the snapshot generated from its differential must equal the shipped one on
/// element ids and paths, cardinality, types with profiles and target profiles, bindings, constraint keys, base,
/// fixed/pattern values, flags and slicing — except for the few listed below, each with its reason.
/// </summary>
public sealed class CoreProfileSnapshotTests
{
    private const string Core = "http://hl7.org/fhir/StructureDefinition/";

    /// <summary>Where the R4 publisher's shipped snapshot and ours part, on purpose.</summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        [Core + "catalog"] =
            "the differential names a slice (IssueDate) on Composition.date, which is neither sliced nor repeating; the publisher " +
            "turned the element itself into the slice and dropped Composition.date; we keep the element, add the slice and warn (snapshot-slicing-missing)",
        [Core + "familymemberhistory-genetic"] =
            "the same on relationship, sex, born[x], age[x], deceased[x] and condition: slice names on elements without slicing",
        [Core + "elementdefinition-de"] =
            "the publisher expanded the extension slices Question and AllowedUnits with their extension definitions' children although the " +
            "differential does not constrain them (in no other core profile); we leave a profiled extension slice unexpanded",
    };

    /// <summary>Core types and resources (specializations) whose shipped snapshot ours does not reproduce.</summary>
    private static readonly Dictionary<string, string> KnownSpecializationDifferences = new(StringComparer.Ordinal)
    {
        [Core + "BackboneElement"] = "the publisher gives the new modifierExtension ext-1 (Extension's root) besides ele-1; new elements get only Element's root constraints from us",
        [Core + "DomainResource"] = "the same for extension and modifierExtension",
        [Core + "MetadataResource"] = "the publisher gives this logical model's root ele-1, which a resource root does not have",
    };

    private static readonly SnapshotGenerator Generator = SnapshotGenerator.For(CoreDefinitions.R4);

    private static IEnumerable<StructureDefinitionInfo> ConstraintDefinitions() => CoreDefinitions.R4.StructureDefinitions()
        .Where(d => d.Derivation == "constraint" && d.HasSnapshot && d.Differential.Count > 0);

    public static TheoryData<string> ConstraintProfiles() => new(ConstraintDefinitions().Select(d => d.Url).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ConstraintProfiles))]
    public void Generated_snapshot_matches_the_shipped_snapshot(string url) =>
        AssertGeneratedMatchesShipped(url, SnapshotAspects.All, KnownDifferences);

    public static TheoryData<string> Specializations() => new(CoreDefinitions.R4.StructureDefinitions()
        .Where(d => d.Derivation == "specialization" && d.HasSnapshot && d.Differential.Count > 0)
        .Select(d => d.Url).Order(StringComparer.Ordinal));

    /// <summary>
    /// Not needed for profiles, but it shows the merge and new-element rules hold for the core itself (on the
    /// structural aspects: the publisher also writes defaults such as isModifier false into core snapshots).
    /// </summary>
    [Theory]
    [MemberData(nameof(Specializations))]
    public void Generated_snapshot_of_a_core_type_or_resource_matches_the_shipped_snapshot(string url) =>
        AssertGeneratedMatchesShipped(url, SnapshotAspects.Structure, KnownSpecializationDifferences);

    private static void AssertGeneratedMatchesShipped(string url, SnapshotAspects aspects, Dictionary<string, string> knownDifferences)
    {
        var shipped = CoreDefinitions.R4.FindStructureDefinition(url)!;
        var result = Generator.Generate(shipped with { Snapshot = [] });
        var differences = SnapshotComparer.Compare(shipped.Snapshot, result.Definition.Snapshot, aspects);
        if (knownDifferences.ContainsKey(url))
        {
            Assert.NotEmpty(differences); // when this fails, the difference is gone: drop the entry
            return;
        }
        Assert.Empty(differences.Select(d => d.ToString()));
        Assert.Empty(result.Issues.Select(i => i.ToString()));
    }

    [Fact]
    public void All_core_constraint_definitions_but_the_listed_ones_are_expected_to_match()
    {
        var urls = ConstraintDefinitions().Select(d => d.Url).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(urls, KnownDifferences.Keys.ToHashSet(StringComparer.Ordinal));
        string[] headline = ["vitalsigns", "bp", "bodyweight", "bmi", "heartrate", "cholesterol", "lipidprofile", "hdlcholesterol", "ldlcholesterol", "triglyceride"];
        Assert.Subset(urls, headline.Select(n => Core + n).ToHashSet(StringComparer.Ordinal));
        Assert.DoesNotContain(headline, n => KnownDifferences.ContainsKey(Core + n));
        Assert.True(urls.Count > 400, $"only {urls.Count} core constraint definitions with snapshot and differential");
    }

    [Fact]
    public void Differentials_without_element_ids_give_the_same_snapshots()
    {
        var mismatched = ConstraintDefinitions()
            .Where(d => !KnownDifferences.ContainsKey(d.Url))
            .Where(d =>
            {
                var anonymous = d with { Snapshot = [], Differential = [.. d.Differential.Select(e => e with { Id = null })] };
                var result = Generator.Generate(anonymous);
                return result.Issues.Count > 0 || SnapshotComparer.Compare(d.Snapshot, result.Definition.Snapshot, SnapshotAspects.All).Count > 0;
            })
            .Select(d => d.Url)
            .ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Reversed_differentials_are_reported_not_thrown()
    {
        foreach (var definition in ConstraintDefinitions().Where(d => d.Differential.Count > 2))
        {
            var reversed = definition with { Snapshot = [], Differential = [.. definition.Differential.Reverse()] };
            var result = Generator.Generate(reversed);
            Assert.True(result.Definition.HasSnapshot, definition.Url);
            Assert.Contains(result.Issues, i => i.Code is "snapshot-out-of-order" or "snapshot-slice-not-found" or "snapshot-path-not-found");
        }
    }
}
