using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// A Questionnaire item's enableWhen must not depend on the item itself or on an item inside it: a disabled item
/// disables all its descendants (R4 Questionnaire.item.enableWhen), so an inner question could never be answered to
/// enable the item that holds it.
/// </summary>
internal sealed class QuestionnaireRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "Questionnaire";

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var result = new ResultBuilder();
        var items = new Stack<ElementNode>(resource.ChildrenWithName("item"));
        while (items.Count > 0)
        {
            var item = items.Pop();
            foreach (var inner in item.ChildrenWithName("item")) items.Push(inner);
            if (item.Child("enableWhen") is null) continue;
            var own = LinkIds(item);
            foreach (var condition in item.ChildrenWithName("enableWhen"))
                if (condition.Child("question")?.Text is { } question && own.Contains(question))
                    result.Add(IssueAt.Node(IssueCatalogue.ValQuestionnaireEnableWhenInner, item, item.Child("linkId")?.Text ?? "?", question));
        }
        return result.ToResult();
    }

    /// <summary>The linkIds of an item and every item inside it.</summary>
    private static HashSet<string> LinkIds(ElementNode item)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<ElementNode>([item]);
        while (pending.Count > 0)
        {
            var next = pending.Pop();
            if (next.Child("linkId")?.Text is { } id) ids.Add(id);
            foreach (var inner in next.ChildrenWithName("item")) pending.Push(inner);
        }
        return ids;
    }
}
