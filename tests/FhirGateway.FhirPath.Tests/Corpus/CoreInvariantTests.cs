using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath.Evaluation;
using FhirGateway.FhirPath.Syntax;
using FhirGateway.FhirPath.Tests.Suite;

namespace FhirGateway.FhirPath.Tests.Corpus;

public sealed class CoreInvariantTests
{
    public static IEnumerable<object[]> Corpus() => [[SuiteCases.CorpusRow]];

    [SuiteTheory]
    [MemberData(nameof(Corpus))]
    public void Every_core_invariant_compiles_and_evaluates_on_the_example_corpus(string corpus)
    {
        Assert.Equal(SuiteCases.CorpusRow, corpus);
        var compiler = new FhirPathCompiler(StructureTypeModel.R4Core);
        var cases = CoreInvariantCorpus.Cases(CoreInvariantCorpus.LoadResources());
        Assert.NotEmpty(cases);
        var problems = new List<string>();
        var knownBroken = new Dictionary<string, string>
        {
            ["cid-0"] = "ChargeItemDefinition has no 'name' element in R4; the invariant is copied from the canonical resources",
        };
        var failedOnce = new HashSet<string>();
        foreach (var c in cases)
        {
            var key = c.Constraint.Key + " " + c.ContextType;
            try
            {
                var compiled = compiler.Compile(c.Constraint.Expression!, c.ContextType);
                compiled.Evaluate(c.Node, FhirPathEnvironment.Default);
            }
            catch (FhirPathCompileException e) when (knownBroken.ContainsKey(c.Constraint.Key) && e.Kind == FhirPathErrorKind.Semantic)
            {
            }
            catch (FhirPathException e) when (failedOnce.Add(key))
            {
                problems.Add($"{c.Constraint.Key} on {c.Node.Location}: {e.Message} — {c.Constraint.Expression}");
            }
            catch (FhirPathException)
            {
            }
        }
        Assert.True(problems.Count == 0, $"{problems.Count} invariants failed of {cases.Count} evaluations:\n" + string.Join("\n", problems));
    }
}

public sealed class NarrativeCorpusTests
{
    public static IEnumerable<object[]> Corpus() => [[SuiteCases.CorpusRow]];

    /// <summary>The HL7 validator reports no txt-1 error on the R4 examples, so htmlChecks() must accept every narrative there.</summary>
    [SuiteTheory]
    [MemberData(nameof(Corpus))]
    public void Every_narrative_of_the_example_corpus_passes_htmlChecks(string corpus)
    {
        Assert.Equal(SuiteCases.CorpusRow, corpus);
        var htmlChecks = new FhirPathCompiler(StructureTypeModel.R4Core).Compile("htmlChecks()");
        var rejected = new List<string>();
        var checkedCount = 0;
        foreach (var resource in CoreInvariantCorpus.LoadResources())
        {
            foreach (var div in Divs(resource))
            {
                checkedCount++;
                if (htmlChecks.Predicate(div) != true) rejected.Add(div.Location);
            }
        }
        Assert.True(checkedCount > 300, $"only {checkedCount} narratives found");
        Assert.True(rejected.Count == 0, $"{rejected.Count} of {checkedCount} narratives rejected: {string.Join(", ", rejected.Take(20))}");
    }

    private static IEnumerable<ElementNode> Divs(ElementNode node)
    {
        if (node.Name == "div" && node.Text is not null) yield return node;
        foreach (var c in node.Children)
            foreach (var d in Divs(c)) yield return d;
    }
}
