using System.Globalization;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// Questionnaire.item.enableWhen over a response: each condition looks at the answers given to its question
/// anywhere in the response (exists, =, !=, &gt;, &lt;, &gt;=, &lt;=), and enableBehavior says whether all or any must hold
/// (all when absent). An item without conditions is enabled.
/// </summary>
internal sealed class EnableWhen(ElementNode response)
{
    private Dictionary<string, List<ElementNode>>? _answers;

    public bool IsEnabled(QuestionnaireItem item)
    {
        var conditions = item.EnableWhen;
        if (conditions.Count == 0) return true;
        var any = item.EnableBehavior == "any";
        foreach (var condition in conditions)
        {
            var holds = Holds(condition);
            if (any && holds) return true;
            if (!any && !holds) return false;
        }
        return !any;
    }

    private bool Holds(ElementNode condition)
    {
        var question = condition.Child("question")?.Text ?? "";
        var answers = AnswersTo(question);
        var op = condition.Child("operator")?.Text;
        var expected = condition.Child("answer");
        if (op == "exists") return answers.Count > 0 == (expected?.Text == "true");
        if (expected is null) return false;
        return op switch
        {
            "=" => answers.Any(a => Compare(a, expected) == 0),
            "!=" => answers.Count > 0 && answers.Any(a => Compare(a, expected) != 0),
            ">" => answers.Any(a => Compare(a, expected) > 0),
            "<" => answers.Any(a => Compare(a, expected) is < 0 and not int.MinValue),
            ">=" => answers.Any(a => Compare(a, expected) >= 0),
            "<=" => answers.Any(a => Compare(a, expected) is <= 0 and not int.MinValue),
            _ => false,
        };
    }

    /// <summary>How an answer value compares with the condition's answer: 0 equal, &lt;0 or &gt;0 ordered, int.MinValue when not comparable.</summary>
    private static int Compare(ElementNode answer, ElementNode expected)
    {
        if (answer.InstanceType == "Coding" || expected.InstanceType == "Coding")
            return answer.Child("system")?.Text == expected.Child("system")?.Text && answer.Child("code")?.Text == expected.Child("code")?.Text ? 0 : int.MinValue;
        if (answer.Text is not { } a || expected.Text is not { } b) return int.MinValue;
        if (decimal.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && decimal.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
            return x.CompareTo(y);
        return string.CompareOrdinal(a, b);
    }

    private List<ElementNode> AnswersTo(string linkId)
    {
        _answers ??= Index();
        return _answers.GetValueOrDefault(linkId) ?? [];
    }

    private Dictionary<string, List<ElementNode>> Index()
    {
        var index = new Dictionary<string, List<ElementNode>>(StringComparer.Ordinal);
        var pending = new Stack<ElementNode>([response]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var item in node.ChildrenWithName("item"))
            {
                if (item.Child("linkId")?.Text is { } linkId)
                {
                    if (!index.TryGetValue(linkId, out var list)) index[linkId] = list = [];
                    list.AddRange(item.ChildrenWithName("answer").Select(a => a.Child("value")).OfType<ElementNode>());
                }
                pending.Push(item);
                foreach (var answer in item.ChildrenWithName("answer")) pending.Push(answer);
            }
        }
        return index;
    }
}
