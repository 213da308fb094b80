using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// Walks a QuestionnaireResponse level by level against the Questionnaire's items: each response item must name
/// an item of its level (in order, repeating only where the item repeats), enabled items that are required must be
/// answered (a warning while the response is not completed), disabled ones must not be, groups nest items and
/// questions nest them under answers, and each answer goes to <see cref="AnswerRules"/>.
/// </summary>
internal sealed class ItemWalker(ValidationRun run, ElementNode response, bool completed)
{
    private readonly ResultBuilder _result = new();
    private readonly EnableWhen _enableWhen = new(response);

    public CheckResult Result => _result.ToResult();

    public void Walk(ElementNode container, IReadOnlyList<QuestionnaireItem> items, QuestionnaireItem root)
    {
        var answered = new Dictionary<string, List<ElementNode>>(StringComparer.Ordinal);
        var last = -1;
        foreach (var item in container.ChildrenWithName("item"))
        {
            if (item.Child("linkId")?.Text is not { } linkId) continue;
            var index = IndexOf(items, linkId);
            if (index < 0)
            {
                var elsewhere = root.FindBelow(linkId);
                _result.Add(IssueAt.Node(elsewhere is null ? IssueCatalogue.ValQrItemNotFound : IssueCatalogue.ValQrItemMisplaced, item, linkId));
                if (elsewhere is not null) ValidateItem(item, elsewhere, root);
                continue;
            }
            if (index < last) _result.Add(IssueAt.Node(IssueCatalogue.ValQrItemOrder, item, linkId));
            last = Math.Max(last, index);
            if (!answered.TryGetValue(linkId, out var list)) answered[linkId] = list = [];
            list.Add(item);
        }
        foreach (var definition in items)
        {
            var enabled = _enableWhen.IsEnabled(definition, container);
            if (!answered.TryGetValue(definition.LinkId, out var found))
            {
                if (enabled && (definition.Required || definition.MinOccurs > 0)) Missing(container, definition);
                continue;
            }
            if (found.Count > 1 && !definition.Repeats) _result.Add(IssueAt.Node(IssueCatalogue.ValQrItemRepeated, found[1], definition.LinkId, found.Count));
            foreach (var item in found)
            {
                if (!enabled && (item.Child("answer") is not null || item.Child("item") is not null))
                    _result.Add(IssueAt.Node(IssueCatalogue.ValQrNotEnabled, item, definition.LinkId));
                ValidateItem(item, definition, root, enabled);
            }
        }
    }

    private void ValidateItem(ElementNode item, QuestionnaireItem definition, QuestionnaireItem root, bool enabled = true)
    {
        if (item.Child("text")?.Text is { } text && definition.Text is { } expected && text != expected)
            _result.Add(IssueAt.Node(IssueCatalogue.ValQrTextMismatch, item, definition.LinkId, text, expected));
        var answers = item.ChildrenWithName("answer");
        if (!definition.IsQuestion)
        {
            foreach (var answer in answers) _result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerNotAllowed, item, definition.Type, definition.LinkId));
            if (definition.Type == "display" && item.Child("item") is not null)
                _result.Add(IssueAt.Node(IssueCatalogue.ValQrItemsNotAllowed, item, definition.LinkId, definition.Type));
            else if (definition.Type == "group") Walk(item, definition.Items, root);
            return;
        }
        CheckAnswerCount(item, definition, answers, enabled);
        var rules = new AnswerRules(run, definition, _result);
        foreach (var answer in answers)
        {
            rules.Check(answer);
            Walk(answer, definition.Items, root);
        }
        if (item.Child("item") is not null) _result.Add(IssueAt.Node(IssueCatalogue.ValQrItemsNotAllowed, item, definition.LinkId, definition.Type));
    }

    private void CheckAnswerCount(ElementNode item, QuestionnaireItem definition, IReadOnlyList<ElementNode> answers, bool enabled)
    {
        if (answers.Count == 0 && definition.Required && enabled && !run.Unreadable.At(item.Location + ".answer")) Missing(item, definition);
        if (answers.Count > 1 && !definition.Repeats) _result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerRepeated, answers[1], definition.LinkId, answers.Count));
        if (definition.MinOccurs is { } min && answers.Count < min)
            _result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerCount, item, definition.LinkId, "at least", min, answers.Count));
        if (definition.MaxOccurs is { } max && answers.Count > max)
            _result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerCount, item, definition.LinkId, "at most", max, answers.Count));
    }

    private void Missing(ElementNode where, QuestionnaireItem definition) =>
        _result.Add(IssueAt.Node(IssueCatalogue.ValQrRequiredMissing, completed ? IssueSeverity.Error : IssueSeverity.Warning, where, definition.LinkId));

    private static int IndexOf(IReadOnlyList<QuestionnaireItem> items, string linkId)
    {
        for (var i = 0; i < items.Count; i++)
            if (items[i].LinkId == linkId) return i;
        return -1;
    }
}
