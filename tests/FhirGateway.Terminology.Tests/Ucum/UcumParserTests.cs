using FhirGateway.Fhir.Terminology;
using FhirGateway.Fhir.Ucum;

namespace FhirGateway.Terminology.Tests.Ucum;

/// <summary>The UCUM grammar and atom table: what parses, what does not, and what the message says.</summary>
public sealed class UcumParserTests
{
    [Theory]
    [InlineData("mg/L")]
    [InlineData("pg/mL")]
    [InlineData("ng/L")]
    [InlineData("%")]
    [InlineData("L")]
    [InlineData("10*6/kg")]
    [InlineData("{score}")]
    [InlineData("1")]
    [InlineData("/min")]
    [InlineData("kg.m/s2")]
    [InlineData("m2")]
    [InlineData("s-1")]
    [InlineData("cm[H2O]")]
    [InlineData("mm[Hg]")]
    [InlineData("[in_i]")]
    [InlineData("[lb_av]")]
    [InlineData("[degF]")]
    [InlineData("Cel")]
    [InlineData("'")]
    [InlineData("''")]
    [InlineData("10*3/uL")]
    [InlineData("10*-3")]
    [InlineData("10^6")]
    [InlineData("mL/min/{1.73_m2}")]
    [InlineData("mL/(24.h)")]
    [InlineData("(8.h)")]
    [InlineData("U/(10.g){feces}")]
    [InlineData("{beats}/min")]
    [InlineData("[iU]/mL")]
    [InlineData("meq/L")]
    [InlineData("B[10.nV]")]
    [InlineData("[in_i'H2O]")]
    [InlineData("dam")]
    [InlineData("KiBy")]
    [InlineData("g%")]
    [InlineData("mg{creat}")]
    [InlineData("{# of cells}")]
    public void Valid_units_parse(string unit)
    {
        var parse = UcumParser.Parse(unit);
        Assert.True(parse.IsValid, parse.Problem);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("mcg", "'ug'")]
    [InlineData("Kg", "'kg'")]
    [InlineData("mEq", "'meq'")]
    [InlineData("cells/kg", "'cells' is not a known UCUM unit")]
    [InlineData("mg /L", "no spaces")]
    [InlineData("mg//L", "'/' has no unit before it")]
    [InlineData("mg.", "a unit is missing after '.'")]
    [InlineData("(mg/L", "'(' is not closed")]
    [InlineData("mg/L)", "')' has no matching '('")]
    [InlineData("mm(Hg)", "unexpected '('")]
    [InlineData("{score", "'{' is not closed")]
    [InlineData("[in_i", "'[' is not closed")]
    [InlineData("2mg", "must stand alone")]
    [InlineData("µg", "ASCII")]
    [InlineData("k[in_i]", "takes no prefix")]
    [InlineData("kh", "takes no prefix")]
    [InlineData("{a{b}}", "nested")]
    public void Invalid_units_say_what_is_wrong(string unit, string expected)
    {
        var parse = UcumParser.Parse(unit);
        Assert.False(parse.IsValid);
        Assert.Contains(expected, parse.Problem);
    }

    [Fact]
    public void Any_text_gets_a_verdict_and_never_an_exception()
    {
        const string alphabet = "mgLk10*^/.(){}[]'%-+_ aAµ9";
        var random = new Random(4);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var parse = UcumParser.Parse(text);
            Assert.True(parse.IsValid || parse.Problem!.Contains("position") || text.Length == 0, text);
        }
    }

    [Fact]
    public void Problems_carry_the_position()
    {
        Assert.EndsWith("(at position 4)", UcumParser.Parse("mg/xyz").Problem);
    }

    [Fact]
    public void Prefixes_apply_only_to_metric_atoms_and_the_symbols_are_read()
    {
        var parse = UcumParser.Parse("mg/dL");
        Assert.Equal([("m", "g", 1), ("d", "L", 1)], parse.Symbols.Select(s => (s.Prefix!.Code, s.Atom.Code, s.Exponent)));
        Assert.True(UcumParser.Parse("kPa").IsValid);
        Assert.False(UcumParser.Parse("k%").IsValid);
    }

    [Fact]
    public void The_table_holds_the_specification_atoms_with_their_definitions()
    {
        var table = UcumTable.Instance;
        Assert.Equal("1.9", table.Version);
        Assert.True(table.Atoms.Count > 300);
        Assert.Equal(24, table.Prefixes.Count);
        var celsius = table.Atoms["Cel"];
        Assert.True(celsius.IsSpecial && celsius.IsMetric);
        Assert.Equal(("12", "[in_i]"), (table.Atoms["[ft_i]"].Value, table.Atoms["[ft_i]"].Unit));
        Assert.True(table.Atoms["[iU]"].IsArbitrary);
        Assert.False(table.Atoms["[in_i]"].IsMetric);
    }

    [Fact]
    public void The_service_reports_an_invalid_unit_as_an_error_from_the_catalogue()
    {
        var check = TerminologyService.R4Core.ValidateUcumUnit("mcg/kg");
        Assert.Equal(CodeCheckOutcome.Invalid, check.Outcome);
        Assert.Equal("tx-ucum-invalid", Assert.Single(check.Issues).Code);
        Assert.Contains("'mcg/kg'", check.Issues[0].Message);
        Assert.Equal(CodeCheckOutcome.Valid, TerminologyService.R4Core.ValidateUcumUnit("ug/kg").Outcome);
    }
}
