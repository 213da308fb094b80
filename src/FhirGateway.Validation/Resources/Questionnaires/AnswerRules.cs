using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Fhir.Terminology;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// One answer against its Questionnaire item: a value of the type the item's type calls for, then what the item
/// says of it — answer options or value set, range (<see cref="AnswerRanges"/>), length and format, attachment
/// type and size, allowed reference targets, allowed units.
/// </summary>
internal sealed class AnswerRules(ValidationRun run, QuestionnaireItem item, ResultBuilder result)
{
    private static readonly Dictionary<string, string[]> AnswerTypes = new(StringComparer.Ordinal)
    {
        ["boolean"] = ["boolean"], ["decimal"] = ["decimal"], ["integer"] = ["integer"], ["date"] = ["date"], ["dateTime"] = ["dateTime"],
        ["time"] = ["time"], ["string"] = ["string"], ["text"] = ["string"], ["url"] = ["uri"], ["attachment"] = ["Attachment"],
        ["reference"] = ["Reference"], ["quantity"] = ["Quantity"],
        ["choice"] = ["Coding", "date", "time", "integer", "string"], ["open-choice"] = ["Coding", "date", "time", "integer", "string"],
    };

    public void Check(ElementNode answer)
    {
        if (answer.Child("value") is not { InstanceType: { } type } value) return;
        if (AnswerTypes.TryGetValue(item.Type, out var allowed) && !allowed.Contains(type))
        {
            result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerType, value, allowed[0], type));
            return;
        }
        CheckOptions(value);
        new AnswerRanges(run, item, result).Check(value);
        switch (type)
        {
            case "string":
                CheckText(value);
                break;
            case "Attachment":
                CheckAttachment(value);
                break;
            case "Reference":
                CheckReference(value);
                break;
            case "Quantity":
                CheckUnit(value);
                break;
        }
    }

    private void CheckOptions(ElementNode value)
    {
        var options = item.AnswerOptions;
        if (options.Count > 0)
        {
            if (item.Type == "open-choice" && value.InstanceType == "string") return;
            if (!options.Any(o => SameValue(o, value))) result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerOption, value, Describe(value)));
            return;
        }
        if (item.AnswerValueSet is not { } valueSet || run.Engine.Terminology is not { } terminology) return;
        if (value.InstanceType == "string" && item.Type == "open-choice") return;
        var check = value.InstanceType switch
        {
            "Coding" when value.Child("code")?.Text is { } code => terminology.ValidateCode(valueSet, value.Child("system")?.Text, code, value.Child("display")?.Text),
            "string" or "integer" or "date" or "time" when value.Text is { } text => terminology.ValidateCode(valueSet, null, text),
            _ => null,
        };
        if (check?.Outcome == CodeCheckOutcome.Invalid) result.Add(IssueAt.Node(IssueCatalogue.ValQrAnswerValueSet, value, Describe(value), valueSet));
    }

    private static bool SameValue(ElementNode option, ElementNode value) =>
        option.InstanceType == value.InstanceType && (option.InstanceType == "Coding"
            ? option.Child("system")?.Text == value.Child("system")?.Text && option.Child("code")?.Text == value.Child("code")?.Text
            : option.InstanceType == "Reference" ? option.Child("reference")?.Text == value.Child("reference")?.Text : option.Text == value.Text);

    private void CheckText(ElementNode value)
    {
        if (value.Text is not { } text) return;
        if (item.MaxLength is { } max && text.Length > max) result.Add(IssueAt.Node(IssueCatalogue.ValMaxLength, value, text.Length, max));
        if (item.MinLength is { } min && text.Length < min) result.Add(IssueAt.Node(IssueCatalogue.ValQrMinLength, value, text, min));
        if (item.Regex is { } regex && Values.LexicalPatterns.For(regex) is { } pattern && Values.LexicalPatterns.IsMatch(pattern, text) == false)
            result.Add(IssueAt.Node(IssueCatalogue.ValQrRegex, value, text, regex));
    }

    private void CheckAttachment(ElementNode value)
    {
        var types = item.MimeTypes;
        if (types.Count > 0 && value.Child("contentType")?.Text is { } contentType && !types.Any(t => MimeTypeMatches(contentType, t)))
            result.Add(IssueAt.Node(IssueCatalogue.ValQrMimeType, value, contentType, string.Join(", ", types)));
        if (item.MaxSize is { } maxSize && Checks.AttachmentCheck.DataLength(value) is { } size && size > maxSize)
            result.Add(IssueAt.Node(IssueCatalogue.ValQrMaxSize, value, size, maxSize));
    }

    private static bool MimeTypeMatches(string contentType, string allowed)
    {
        var type = contentType.Split(';')[0].Trim();
        return allowed.EndsWith("/*", StringComparison.Ordinal)
            ? type.StartsWith(allowed[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(type, allowed, StringComparison.OrdinalIgnoreCase);
    }

    private void CheckReference(ElementNode value)
    {
        if (value.Child("reference")?.Text is not { } text) return;
        var reference = References.ReferenceText.Parse(text);
        if (reference.Type is not { Length: > 0 } type || !char.IsUpper(type[0])) return;
        if (run.Types.FindType(type) is not { Kind: TypeKind.Resource })
        {
            result.Add(IssueAt.Node(IssueCatalogue.ValQrReferenceUnknownType, value, type, text));
            return;
        }
        var allowed = item.ReferenceResources;
        if (allowed.Count > 0 && !allowed.Contains(type)) result.Add(IssueAt.Node(IssueCatalogue.ValQrReferenceType, value, text, type, string.Join(", ", allowed)));
    }

    private void CheckUnit(ElementNode value)
    {
        var options = item.UnitOptions;
        if (options.Count == 0) return;
        var system = value.Child("system")?.Text;
        var code = value.Child("code")?.Text;
        if (options.Any(o => o.Child("system")?.Text == system && o.Child("code")?.Text == code)) return;
        result.Add(IssueAt.Node(IssueCatalogue.ValQrUnitOption, value, $"{system}#{code}",
            string.Join(", ", options.Select(o => $"{o.Child("system")?.Text}#{o.Child("code")?.Text}"))));
    }

    public static string Describe(ElementNode value) => value.InstanceType switch
    {
        "Coding" => $"{value.Child("system")?.Text}#{value.Child("code")?.Text}",
        "Quantity" => $"{value.Child("value")?.Text} {value.Child("code")?.Text ?? value.Child("unit")?.Text}".Trim(),
        _ => value.Text is { } text ? $"'{text}'" : value.InstanceType ?? "value",
    };
}
