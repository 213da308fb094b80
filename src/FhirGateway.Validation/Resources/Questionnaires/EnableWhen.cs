using System.Globalization;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// Questionnaire.item.enableWhen over a response: each condition looks at the answers given to its question in the
/// nearest scope that holds that question (the same instance of a repeating group, then the groups around it, then
/// the whole response), compared by its operator (exists, =, !=, &gt;, &lt;, &gt;=, &lt;=); enableBehavior says whether
/// all or any must hold (all when absent). An item without conditions is enabled.
/// </summary>
internal sealed class EnableWhen(ElementNode response)
{
    private Dictionary<string, List<ElementNode>>? _answers;

    /// <summary>Whether <paramref name="item"/> is enabled where it stands: under <paramref name="container"/> (an item, an answer or the response).</summary>
    public bool IsEnabled(QuestionnaireItem item, ElementNode container)
    {
        var conditions = item.EnableWhen;
        if (conditions.Count == 0) return true;
        var any = item.EnableBehavior == "any";
        foreach (var condition in conditions)
        {
            var holds = Holds(condition, container);
            if (any && holds) return true;
            if (!any && !holds) return false;
        }
        return !any;
    }

    private bool Holds(ElementNode condition, ElementNode container)
    {
        var question = condition.Child("question")?.Text ?? "";
        var answers = AnswersTo(question, container);
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

    /// <summary>The answers to <paramref name="linkId"/> in the nearest scope around <paramref name="container"/> that holds that question.</summary>
    private List<ElementNode> AnswersTo(string linkId, ElementNode container)
    {
        for (var scope = container; scope is not null && !ReferenceEquals(scope, response); scope = scope.Parent)
        {
            if (scope.Name is not ("item" or "answer")) continue;
            if (Within(scope, linkId) is { } found) return found;
        }
        _answers ??= Index();
        return _answers.GetValueOrDefault(linkId) ?? [];
    }

    /// <summary>The answers given to <paramref name="linkId"/> inside <paramref name="scope"/>, or null when no item of it is there.</summary>
    private static List<ElementNode>? Within(ElementNode scope, string linkId)
    {
        List<ElementNode>? found = null;
        var pending = new Stack<ElementNode>([scope]);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            foreach (var item in node.ChildrenWithName("item"))
            {
                if (item.Child("linkId")?.Text == linkId)
                    (found ??= []).AddRange(item.ChildrenWithName("answer").Select(a => a.Child("value")).OfType<ElementNode>());
                pending.Push(item);
                foreach (var answer in item.ChildrenWithName("answer")) pending.Push(answer);
            }
        }
        return found;
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
