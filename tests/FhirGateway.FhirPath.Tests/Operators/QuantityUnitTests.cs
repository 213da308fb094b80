namespace FhirGateway.FhirPath.Tests.Operators;

/// <summary>Quantity comparison, equivalence and arithmetic across units, by the full UCUM table (not a short list of atoms).</summary>
public sealed class QuantityUnitTests
{
    private static string One(string expression) => Assert.Single(TestData.Texts(TestData.Eval(expression, null)));

    [Theory]
    [InlineData("1 'kPa' = 1000 'Pa'")]
    [InlineData("1 'N' = 1000 'g.m/s2'")]
    [InlineData("1 'bar' > 99 'kPa'")]
    [InlineData("760 'mm[Hg]' > 101 'kPa'")]
    [InlineData("1 '[gal_us]' > 3.78 'L'")]
    [InlineData("1 'mmol/L' = 1000 'umol/L'")]
    [InlineData("1 '[IU]' = 1 '[iU]'")]
    [InlineData("100 '%' = 1 '1'")]
    [InlineData("1 'h' = 3600000 'ms'")]
    [InlineData("5 'mg/dL' ~ 0.05 'g/L'")]
    public void Quantities_in_commensurable_units_compare_after_conversion(string expression)
    {
        Assert.Equal("true", One(expression));
    }

    [Theory]
    [InlineData("1 'g' = 1 'm'")]
    [InlineData("1 '[iU]' = 1 '1'")]
    [InlineData("1 'Cel' = 274.15 'K'")]
    public void Quantities_in_units_of_different_dimension_or_on_a_special_scale_are_not_equal(string expression)
    {
        Assert.Equal("false", One(expression));
    }

    [Fact]
    public void Products_and_quotients_are_in_base_units()
    {
        Assert.Equal("true", One("(2 'kPa' * 3 'm2') = 6000 'N'"));
        Assert.Equal("true", One("(1 'km' / 2 'h') = 500 'm/h'"));
    }
}
