using FhirGateway.Fhir.Definitions;
using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Tests.Ig;

/// <summary>
/// mustSupport follows what the mapping fills (MappedElements: every good seed mapped, each instance read against
/// its profile): an element a profile marks mustSupport is filled in every mapped instance of that profile, and an
/// element every mapped instance fills is marked. Generic over the IG's resource profiles, so a new profile with a
/// new mapping is held to the same rule.
/// </summary>
public sealed class MustSupportTests
{
    public static TheoryData<string> ResourceProfiles() => new(ClinicIgDefinitions.Definitions.StructureDefinitions()
        .Where(sd => sd.Kind == "resource").Select(sd => sd.Url).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(ResourceProfiles))]
    public void Every_resource_profile_has_mapped_instances_to_derive_its_must_support_from(string profile) =>
        Assert.True(MappedElements.ByProfile.ContainsKey(profile), $"No good seed maps to {profile}");

    [Theory]
    [MemberData(nameof(ResourceProfiles))]
    public void An_element_marked_must_support_is_filled_in_every_mapped_instance(string profile)
    {
        var instances = MappedElements.ByProfile.GetValueOrDefault(profile) ?? [];
        var marked = MappedElements.Snapshot(profile).Where(e => e.MustSupport == true).Select(MappedElements.Key).Distinct().ToList();
        var unfilled = marked.Where(key => instances.Any(i => !i.Filled.Contains(key))).ToList();
        Assert.True(unfilled.Count == 0, $"{profile}: marked mustSupport but not filled in every one of the {instances.Count} mapped instances: {string.Join(", ", unfilled)}");
    }

    [Theory]
    [MemberData(nameof(ResourceProfiles))]
    public void An_element_every_mapped_instance_fills_is_marked_must_support(string profile)
    {
        var instances = MappedElements.ByProfile.GetValueOrDefault(profile) ?? [];
        if (instances.Count == 0) return;
        var marked = MappedElements.Snapshot(profile).Where(e => e.MustSupport == true).Select(MappedElements.Key).ToHashSet(StringComparer.Ordinal);
        var always = instances.Skip(1).Aggregate(new HashSet<string>(instances[0].Candidates, StringComparer.Ordinal), (all, i) => { all.IntersectWith(i.Candidates); return all; });
        var unmarked = always.Where(key => !marked.Contains(key)).Order(StringComparer.Ordinal).ToList();
        Assert.True(unmarked.Count == 0, $"{profile}: filled in all {instances.Count} mapped instances but not marked mustSupport: {string.Join(", ", unmarked)}");
    }
}
