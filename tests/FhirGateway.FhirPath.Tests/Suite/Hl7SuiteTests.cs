using System.Globalization;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.FhirPath.Values;

namespace FhirGateway.FhirPath.Tests.Suite;

/// <summary>Runs every test of the HL7 FHIRPath suite for R4 as its own row, named by the suite test name.</summary>
public sealed class Hl7SuiteTests
{
    private static readonly Lazy<FhirPathCompiler> Default = new(() => new FhirPathCompiler(SuiteInputs.Model));
    private static readonly Lazy<FhirPathCompiler> OrderChecking = new(() => new FhirPathCompiler(SuiteInputs.Model, new FhirPathOptions { CheckOrderedFunctions = true }));

    public static IEnumerable<object[]> Cases() => SuiteCases.Rows();

    [SuiteTheory]
    [MemberData(nameof(Cases))]
    public void Suite(string name)
    {
        var c = SuiteCases.ByName[name];
        var input = c.InputFile is null ? null : SuiteInputs.Load(c.InputFile, c.Name);
        var environment = new FhirPathEnvironment { ConformsTo = CoreConformance };
        var compiler = (c.CheckOrderedFunctions ? OrderChecking : Default).Value;
        if (c.ExpectsError)
        {
            var error = Record.Exception(() => compiler.Compile(c.Expression, input?.InstanceType).Evaluate(input, environment));
            Assert.True(error is FhirPathException, $"Expected a {c.Invalid} error for '{c.Expression}' but got {(error is null ? "a result" : error.GetType().Name + ": " + error.Message)}");
            return;
        }
        var result = compiler.Compile(c.Expression, input?.InstanceType).Evaluate(input, environment);
        if (c.Predicate) result = [result.Count > 0];
        var actual = result.Select(Describe).ToList();
        var expected = c.Outputs.Select(o => $"{o.Type ?? "?"}: {o.Value}").ToList();
        Assert.True(result.Count == c.Outputs.Count, $"'{c.Expression}': expected [{string.Join(", ", expected)}] but got [{string.Join(", ", actual)}]");
        var pending = c.Outputs.ToList();
        for (var i = 0; i < result.Count; i++)
        {
            var match = c.Ordered ? (Matches(result[i], pending[0]) ? 0 : -1) : pending.FindIndex(o => Matches(result[i], o));
            Assert.True(match >= 0, $"'{c.Expression}': item {i} is {actual[i]}, expected [{string.Join(", ", expected)}]");
            pending.RemoveAt(match);
        }
    }

    /// <summary>conformsTo() for the suite: a core profile URL conforms when the resource is of that type (or derives from it); other URLs are unknown.</summary>
    private static bool? CoreConformance(ElementNode resource, string url)
    {
        const string core = "http://hl7.org/fhir/StructureDefinition/";
        if (!url.StartsWith(core, StringComparison.Ordinal) || SuiteInputs.Model is not { } model) return null;
        var type = url[core.Length..];
        if (model.FindType(type) is null) return null;
        return resource.InstanceType is { } t && model.IsSameOrSubtype(t, type);
    }

    private static bool Matches(object item, SuiteOutput expected)
    {
        var value = Items.ToSystem(item);
        var text = expected.Value;
        switch (expected.Type)
        {
            case null: return value is not null && Untyped(value) == text;
            case "boolean": return value is bool b && (b ? "true" : "false") == text;
            case "integer": return value is int i && i.ToString(CultureInfo.InvariantCulture) == text;
            case "decimal": return value is decimal d && decimal.TryParse(text, CultureInfo.InvariantCulture, out var e) && d == e;
            case "string": return value is string s && s == text;
            case "code" or "id" or "uri": return item is ElementNode n && n.Text == text && (n.InstanceType == expected.Type || n.InstanceType is null);
            case "date": return value is PartialDate pd && "@" + pd == text;
            case "dateTime": return value is PartialDateTime pdt && "@" + pdt == text;
            case "time": return value is PartialTime pt && "@T" + pt == text;
            case "Quantity": return value is Quantity q && Quantity.TryParse(text) is { } eq && q.Value == eq.Value && q.Unit == eq.Unit;
            default: return false;
        }
    }

    private static string Untyped(object value) => value switch
    {
        PartialDate d => "@" + d,
        PartialDateTime dt => "@" + dt,
        PartialTime t => "@T" + t,
        _ => Items.Format(value),
    };

    private static string Describe(object item) => item is ElementNode n
        ? $"{n.InstanceType}: {n.Text ?? n.Location}"
        : $"{Items.SystemTypeName(Items.ToSystem(item) ?? item)}: {Untyped(Items.ToSystem(item) ?? item)}";
}
