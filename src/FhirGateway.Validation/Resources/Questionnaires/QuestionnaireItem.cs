using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// A Questionnaire item as the response rules read it: linkId, type, required/repeats, text, answer constraints
/// (options, value set, maxLength and the core extensions minValue, maxValue, minLength, regex, maxDecimalPlaces,
/// minOccurs, maxOccurs, mimeType, maxSize, unitOption, referenceResource) and its child items.
/// </summary>
internal sealed class QuestionnaireItem(ElementNode node)
{
    private const string Core = "http://hl7.org/fhir/StructureDefinition/";
    private const string Sdc = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-";

    public ElementNode Node => node;

    public string LinkId => node.Child("linkId")?.Text ?? "";

    public string Type => node.Child("type")?.Text ?? "";

    public bool Required => node.Child("required")?.Text == "true";

    public bool Repeats => node.Child("repeats")?.Text == "true";

    public string? Text => node.Child("text")?.Text;

    public int? MaxLength => int.TryParse(node.Child("maxLength")?.Text, out var n) ? n : null;

    public string? AnswerValueSet => node.Child("answerValueSet")?.Text;

    public IReadOnlyList<ElementNode> AnswerOptions => node.ChildrenWithName("answerOption").Select(o => o.Child("value")).OfType<ElementNode>().ToArray();

    public IReadOnlyList<QuestionnaireItem> Items => node.ChildrenWithName("item").Select(i => new QuestionnaireItem(i)).ToArray();

    public IReadOnlyList<ElementNode> EnableWhen => node.ChildrenWithName("enableWhen");

    public string? EnableBehavior => node.Child("enableBehavior")?.Text;

    /// <summary>True for items that hold answers: everything but groups, display items and R4's abstract type question.</summary>
    public bool IsQuestion => Type is not ("group" or "display" or "question" or "");

    public ElementNode? MinValue => ExtensionValue(Core + "minValue") ?? ExtensionValue(Sdc + "minQuantity");

    public ElementNode? MaxValue => ExtensionValue(Core + "maxValue") ?? ExtensionValue(Sdc + "maxQuantity");

    public int? MinLength => IntExtension(Core + "minLength");

    public int? MaxDecimalPlaces => IntExtension(Core + "maxDecimalPlaces");

    public int? MinOccurs => IntExtension(Core + "questionnaire-minOccurs");

    public int? MaxOccurs => IntExtension(Core + "questionnaire-maxOccurs");

    public string? Regex => ExtensionValue(Core + "regex")?.Text;

    public decimal? MaxSize => decimal.TryParse(ExtensionValue(Core + "maxSize")?.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    public IReadOnlyList<string> MimeTypes => ExtensionValues(Core + "mimeType").Select(v => v.Text).OfType<string>().ToArray();

    public IReadOnlyList<ElementNode> UnitOptions => ExtensionValues(Core + "questionnaire-unitOption");

    public IReadOnlyList<string> ReferenceResources => ExtensionValues(Core + "questionnaire-referenceResource").Select(v => v.Text).OfType<string>().ToArray();

    /// <summary>The item with this linkId anywhere below this one (depth first), or null.</summary>
    public QuestionnaireItem? FindBelow(string linkId)
    {
        foreach (var item in Items)
        {
            if (item.LinkId == linkId) return item;
            if (item.FindBelow(linkId) is { } found) return found;
        }
        return null;
    }

    private ElementNode? ExtensionValue(string url) => ExtensionValues(url) is [var first, ..] ? first : null;

    private IReadOnlyList<ElementNode> ExtensionValues(string url) =>
        node.ChildrenWithName("extension").Where(e => e.Child("url")?.Text == url).Select(e => e.Child("value")).OfType<ElementNode>().ToArray();

    private int? IntExtension(string url) => int.TryParse(ExtensionValue(url)?.Text, out var n) ? n : null;

    public override string ToString() => $"{LinkId} ({Type})";
}
