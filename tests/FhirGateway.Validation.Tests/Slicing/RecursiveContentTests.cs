using FhirGateway.Validation.Tests.Support;
using static FhirGateway.Validation.Tests.Support.TestDefinitions;

namespace FhirGateway.Validation.Tests.Slicing;

/// <summary>
/// Recursive content (<c>contentReference</c>): what a profile says of <c>Parameters.parameter</c> (a closed slicing by
/// name, a required slice, an invariant) is about the top-level parameters, not re-applied to every <c>parameter.part</c>.
/// </summary>
public sealed class RecursiveContentTests
{
    private static readonly string OneNamedParameter = Profile("one-named-parameter", "Parameters",
        """{ "id": "Parameters.parameter", "path": "Parameters.parameter", "slicing": { "discriminator": [ { "type": "value", "path": "name" } ], "rules": "closed" }, "min": 1, "constraint": [ { "key": "np-1", "severity": "error", "human": "a known name", "expression": "name = 'result' or name = 'other'" } ] }""",
        """{ "id": "Parameters.parameter:result", "path": "Parameters.parameter", "sliceName": "result", "min": 1, "max": "1" }""",
        """{ "id": "Parameters.parameter:result.name", "path": "Parameters.parameter.name", "fixedString": "result" }""",
        """{ "id": "Parameters.parameter:result.part", "path": "Parameters.parameter.part", "min": 1, "max": "1" }""");

    [Fact]
    public void A_profile_s_slicing_and_invariants_on_parameter_do_not_apply_to_its_parts()
    {
        const string json = """
            { "resourceType": "Parameters", "parameter": [ { "name": "result", "part": [ { "name": "detail", "part": [ { "name": "inner", "valueString": "x" }, { "name": "note", "valueString": "y" } ] } ] } ] }
            """;
        Assert.Empty(Validator(definitions: OneNamedParameter).Validate(json, Base + "one-named-parameter").Errors());
    }

    [Fact]
    public void The_profile_still_applies_to_the_top_level_parameters()
    {
        const string json = """{ "resourceType": "Parameters", "parameter": [ { "name": "other", "valueString": "x" } ] }""";
        var errors = Validator(definitions: OneNamedParameter).Validate(json, Base + "one-named-parameter").Errors();
        Assert.Contains(errors, e => e.Code == "val-slice-min");
        Assert.Contains(errors, e => e.Code == "val-slice-closed");
    }
}
