using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Firely.Tests.Oracles;
using FhirGateway.FhirPath;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;

namespace FhirGateway.Firely.Tests.Comparison;

/// <summary>
/// The cause of the listed ctm-1 incompatibility (firely-ctm-1-unresolved-member): R4's resolve() ignores a reference it cannot
/// resolve, so <c>member.resolve().iif(empty(), true, …)</c> is true for such a member. Both FHIRPath engines agree
/// on that; Firely's validator alone rejects the participant, and accepts it once the member resolves (a contained
/// Practitioner). The gateway's CareTeams contain their members, so none it sends meets the entry; the unresolved
/// CareTeam here is the case that keeps it met. When Firely's validator follows resolve() as defined, the second test
/// fails and the entry is to go.
/// </summary>
public sealed class Ctm1CauseTests
{
    private const string Ctm1 = "onBehalfOf.exists() implies (member.resolve().iif(empty(), true, ofType(Practitioner).exists()))";

    internal const string Unresolved = """{"resourceType":"CareTeam","participant":[{"member":{"type":"Practitioner","identifier":{"system":"urn:example:staff","value":"1"}},"onBehalfOf":{"display":"Org"}}]}""";

    private const string Contained = """{"resourceType":"CareTeam","contained":[{"resourceType":"Practitioner","id":"p1"}],"participant":[{"member":{"reference":"#p1"},"onBehalfOf":{"display":"Org"}}]}""";

    [Fact]
    public void Both_FHIRPath_engines_hold_ctm_1_for_a_member_that_does_not_resolve()
    {
        var team = new FhirJsonParser(StructureTypeModel.R4Core).Parse(System.Text.Encoding.UTF8.GetBytes(Unresolved)).Root!;
        Assert.Equal([true], new FhirPathCompiler(StructureTypeModel.R4Core).Compile("participant.all(" + Ctm1 + ")").Evaluate(team));

        var poco = new CareTeam { Participant = [new CareTeam.ParticipantComponent { Member = new ResourceReference { Type = "Practitioner", Identifier = new Identifier("urn:example:staff", "1") }, OnBehalfOf = new ResourceReference { Display = "Org" } }] };
        Assert.Equal([true], poco.Select("participant.all(" + Ctm1 + ")").Select(b => b is FhirBoolean f && f.Value == true));
    }

    [Fact]
    public void Firely_validator_rejects_ctm_1_only_when_the_member_does_not_resolve()
    {
        Assert.Contains(FirelyOracle.Validate(System.Text.Encoding.UTF8.GetBytes(Unresolved), null).Errors, e => e.Code == "ctm-1");
        Assert.True(FirelyOracle.Validate(System.Text.Encoding.UTF8.GetBytes(Contained), null).Valid);
        Assert.True(GatewayOracle.Validate(System.Text.Encoding.UTF8.GetBytes(Unresolved), null, "unresolved").Valid);
    }
}
