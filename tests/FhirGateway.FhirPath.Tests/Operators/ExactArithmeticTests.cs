namespace FhirGateway.FhirPath.Tests.Operators;

public sealed class ExactArithmeticTests
{
    private static string One(string expression) => Assert.Single(TestData.Texts(TestData.Eval(expression, null)));

    [Theory]
    [InlineData("0.1 + 0.2", "0.3")]
    [InlineData("1.50 + 1", "2.50")]
    [InlineData("1.0 / 8", "0.125")]
    [InlineData("7 / 2", "3.5")]
    [InlineData("7 div 2", "3")]
    [InlineData("-7.5 mod 2", "-1.5")]
    [InlineData("(0.0 * -1).toString()", "0.0")]
    public void Decimal_arithmetic_is_exact_and_keeps_the_written_scale(string expression, string expected)
    {
        Assert.Equal(expected, One(expression));
    }

    [Theory]
    [InlineData("2.sqrt()", "1.41421356237309504880169")]
    [InlineData("1.exp()", "2.71828182845904523536029")]
    [InlineData("2.ln()", "0.693147180559945309417232")]
    [InlineData("16.log(2)", "4")]
    [InlineData("1000.log(10)", "3")]
    [InlineData("2.power(0.5)", "1.41421356237309504880169")]
    [InlineData("1.1.power(10)", "2.5937424601")]
    [InlineData("2.power(-2)", "0.25")]
    [InlineData("2.power(30)", "1073741824")]
    public void Math_functions_are_computed_in_decimal_to_24_significant_digits(string expression, string expected)
    {
        Assert.Equal(expected, One(expression));
    }

    [Theory]
    [InlineData("(-1).sqrt()")]
    [InlineData("0.ln()")]
    [InlineData("(-8).power(0.5)")]
    [InlineData("2.power(40)")]
    [InlineData("100.exp()")]
    public void Results_that_are_not_real_or_out_of_range_are_empty(string expression)
    {
        Assert.Empty(TestData.Eval(expression, null));
    }

    [Theory]
    [InlineData("1 'g' = 1000 'mg'", "true")]
    [InlineData("1 week = 7 days", "true")]
    [InlineData("1 'wk' = 7 'd'", "true")]
    [InlineData("2 'mg' < 1 'g'", "true")]
    [InlineData("1 year = 1 'a'", "")]
    [InlineData("1 year ~ 1 'a'", "true")]
    [InlineData("3 'mg' + 1 'g'", "1003 'mg'")]
    [InlineData("2 'cm' * 3 'cm'", "0.0006 'm2'")]
    [InlineData("1 'm' / 2 's'", "0.5 'm.s-1'")]
    [InlineData("1 'cm' < 1 's'", "")]
    public void Quantities_compare_and_combine_through_ucum(string expression, string expected)
    {
        Assert.Equal(expected, string.Join(",", TestData.Texts(TestData.Eval(expression, null))));
    }

    [Theory]
    [InlineData("@2012-01 < @2012-01-15", "")]
    [InlineData("@2012-01-01T10:30 = @2012-01-01T10:30:00", "")]
    [InlineData("@2012-01-01T10:30:00.000 = @2012-01-01T10:30:00", "true")]
    [InlineData("@2012-01-01T10:00:00+02:00 = @2012-01-01T08:00:00Z", "true")]
    [InlineData("@2012-01-31 + 1 month", "2012-02-29")]
    [InlineData("@2012 + 400 days", "2013")]
    public void Date_times_keep_their_precision(string expression, string expected)
    {
        Assert.Equal(expected, string.Join(",", TestData.Texts(TestData.Eval(expression, null))));
    }
}
