using FhirGateway.Fhir.Ucum;

namespace FhirGateway.Fhir.Tests.Ucum;

/// <summary>UCUM canonicalisation over the specification's table: prefixes, atoms and definitions down to base units; what it refuses, and why.</summary>
public sealed class UcumCanonicalTests
{
    [Fact]
    public void Every_atom_of_the_table_that_is_not_special_has_a_canonical_form()
    {
        var failures = UcumTable.Instance.Atoms.Values.Where(a => !a.IsSpecial)
            .Select(a => (a.Code, UcumCanonical.Of(a.Code).Problem)).Where(r => r.Problem is not null).ToList();
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("[in_i]", "cm", "2.54")]
    [InlineData("[lb_av]", "g", "453.59237")]
    [InlineData("mg/dL", "g/L", "0.01")]
    [InlineData("mm[Hg]", "Pa", "133.322")]
    [InlineData("mL/(24.h)", "mL/h", "0.0416666666666666666666666667")]
    [InlineData("10*3/uL", "10*9/L", "1")]
    [InlineData("%", "1", "0.01")]
    [InlineData("meq/L", "mmol/L", "1")]
    [InlineData("[IU]/mL", "[iU]/L", "1000")]
    [InlineData("{score}", "1", "1")]
    public void Commensurable_units_convert_by_the_factor_the_definitions_give(string from, string to, string factor)
    {
        Assert.Equal(decimal.Parse(factor, System.Globalization.CultureInfo.InvariantCulture), UcumCanonical.Factor(from, to));
    }

    [Theory]
    [InlineData("g", "m")]
    [InlineData("[iU]", "1")]
    [InlineData("Cel", "K")]
    [InlineData("mol", "1")]
    public void Units_of_different_dimensions_do_not_convert(string from, string to)
    {
        Assert.Null(UcumCanonical.Factor(from, to));
    }

    [Fact]
    public void A_special_unit_alone_is_its_own_dimension_and_inside_a_compound_is_refused_with_the_reason()
    {
        Assert.Equal("~Cel", UcumCanonical.Of("Cel").Unit!.Dimension);
        var refused = UcumCanonical.Of("Cel/h");
        Assert.Null(refused.Unit);
        Assert.Contains("special unit", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_is_not_UCUM_is_refused_with_the_parser_s_reason()
    {
        var refused = UcumCanonical.Of("Kg");
        Assert.Null(refused.Unit);
        Assert.Contains("did you mean 'kg'", refused.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Derived_units_reach_the_base_units()
    {
        Assert.Equal("g.m.s-2", UcumCanonical.Of("N").Unit!.Dimension);
        Assert.Equal(UcumScale.Of(1000m), UcumCanonical.Of("N").Unit!.Scale);
        Assert.Equal("", UcumCanonical.Of("10*6/10*3").Unit!.Dimension);
    }
}
