using System.Text;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Serialization.Json;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

public sealed class JsonInputGuardTests
{
    private static readonly JsonInputLimits Limits = new(8, 3);

    private static IReadOnlyList<JsonInputProblem> Check(byte[] json) => JsonInputGuard.Check(json, Limits);

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    /// <summary><c>{"a":[1,"x"],"b":"…"}</c> with the raw bytes given in place of b's value.</summary>
    private static byte[] WithRawValue(params byte[] raw) =>
        [.. Utf8("""{"a":[1,"x"],"b":" """.TrimEnd()), .. raw, .. Utf8("\"}")];

    [Fact]
    public void Finds_a_lone_surrogate_escape_and_names_its_path() =>
        Assert.Equal(new JsonInputProblem(JsonInputProblemKind.InvalidString, "a[1]", 8, "a string"),
            Assert.Single(Check(Utf8("""{"a":[1,"x\ud800"]}"""))));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xC3 })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]
    public void Finds_raw_bytes_that_are_not_utf8(byte[] raw) =>
        Assert.Equal("b", Assert.Single(Check(WithRawValue(raw))).Path);

    [Fact]
    public void Finds_an_invalid_property_name() =>
        Assert.Equal("a property name", Assert.Single(Check(Utf8("""{"x\udc00":1}"""))).Detail);

    [Fact]
    public void Accepts_valid_text_including_escaped_pairs_and_non_ascii() =>
        Assert.Empty(Check(Utf8("""{"a":["\ud83d\ude00","é","😀"],"b":{"c":"\u00e9"}}""")));

    [Fact]
    public void Stops_at_the_first_level_beyond_the_depth_limit() =>
        Assert.Equal(new JsonInputProblem(JsonInputProblemKind.TooDeep, "[0][0][0][0][0][0][0][0]", 8, "more than 8 levels"),
            Assert.Single(Check(Utf8(new string('[', 20) + new string(']', 20)))));

    [Fact]
    public void Stops_at_the_first_item_beyond_the_array_limit()
    {
        var problem = Assert.Single(Check(Utf8("""{"a":{"b":[{},{},{},{},{}]}}""")));
        Assert.Equal((JsonInputProblemKind.ArrayTooLong, "a.b"), (problem.Kind, problem.Path));
    }

    [Fact]
    public void Reports_text_that_is_not_json_as_malformed() =>
        Assert.Equal(JsonInputProblemKind.Malformed, Assert.Single(Check(Utf8("{\"a\":"))).Kind);

    [Fact]
    public void The_fhir_reader_reports_an_escaped_lone_surrogate_in_the_resource_type() =>
        Assert.Equal(IssueCatalogue.JsonInvalidString.Id, Assert.Single(Parse("""{"resourceType":"Pat\ud800ient"}""").Issues).Code);

    [Fact]
    public void The_fhir_reader_reports_raw_invalid_utf8_in_the_resource_type()
    {
        byte[] json = [.. Utf8("""{"resourceType":"Pat"""), 0xFF, .. Utf8("\"}")];
        Assert.Equal(IssueCatalogue.JsonInvalidString.Id, Assert.Single(Parser.Parse(json, "t.json").Issues).Code);
    }

    [Theory]
    [InlineData("""{"resourceType":"Patient","x\udbffA":1}""")]
    [InlineData("""{"a\ud800":1,"resourceType":"Patient"}""")]
    public void The_fhir_reader_reports_an_invalid_property_name_as_an_invalid_string(string json) =>
        Assert.Contains(Parse(json).Issues, i => i.Code == IssueCatalogue.JsonInvalidString.Id);
}
