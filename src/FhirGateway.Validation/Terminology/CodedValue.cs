using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Terminology;

/// <summary>One code an element carries, with the node it sits on (for issue locations).</summary>
internal readonly record struct CodedValue(string? System, string? Code, string? Display, string? Version, ElementNode Node)
{
    /// <summary>As shown in messages: <c>system#code</c> or <c>'code'</c>.</summary>
    public override string ToString() => System is null ? $"The code '{Code}'" : $"The code {System}#{Code}";

    /// <summary>
    /// The codes of a coded element by its type: a code, string or uri is a code without system; a Coding its
    /// system, code and display; a CodeableConcept each of its codings; a Quantity its system and unit code.
    /// Other types carry no code (an empty list). <paramref name="isCodeable"/> says whether the type can carry codes at all.
    /// </summary>
    public static List<CodedValue> Of(ElementNode node, out bool isCodeable)
    {
        var list = new List<CodedValue>(1);
        isCodeable = true;
        switch (node.InstanceType)
        {
            case "code" or "string" or "uri" or "url" or "canonical":
                if (node.Text is { } text) list.Add(new CodedValue(SystemOfCode(node), text, null, null, node));
                break;
            case "Coding":
                AddCoding(node, list);
                break;
            case "CodeableConcept":
                foreach (var coding in node.ChildrenNamed("coding")) AddCoding(coding, list);
                break;
            case "Quantity" or "Age" or "Duration" or "Distance" or "Count" or "SimpleQuantity" or "MoneyQuantity":
                if (node.Child("code")?.Text is { } unit) list.Add(new CodedValue(node.Child("system")?.Text, unit, null, null, node));
                break;
            default:
                isCodeable = false;
                break;
        }
        return list;
    }

    /// <summary>The system of a code that is the <c>code</c> of a Coding or Quantity: its sibling <c>system</c>.</summary>
    private static string? SystemOfCode(ElementNode node) =>
        node is { Name: "code", Parent: { InstanceType: "Coding" or "Quantity" or "Age" or "Duration" or "Distance" or "Count" or "SimpleQuantity" or "MoneyQuantity" } parent }
            ? parent.Child("system")?.Text
            : null;

    private static void AddCoding(ElementNode coding, List<CodedValue> list)
    {
        var code = coding.Child("code")?.Text;
        var system = coding.Child("system")?.Text;
        if (code is null && system is null) return;
        list.Add(new CodedValue(system, code, coding.Child("display")?.Text, coding.Child("version")?.Text, coding));
    }
}
