using System.Globalization;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Values;

/// <summary>
/// Compares an instance element with a definition's value. Fixed (exact): the same primitive value, the same
/// properties with the same number of items matching in order, and nothing else but ids and extensions.
/// Pattern: every property of the pattern is present and each of its items is matched by some item of the
/// instance, which may carry more (so a CodeableConcept pattern with one coding matches a concept with several).
/// Numbers compare by value (<c>1.0</c> equals <c>1.00</c>), everything else by its exact text.
/// </summary>
internal static class ValueMatcher
{
    public static bool Matches(ElementNode node, ValueTree expected, bool exact)
    {
        if (expected.Text is not null && !SameText(node.Text, expected)) return false;
        foreach (var property in expected.Properties)
        {
            var items = ChildrenNamed(node, property.Name);
            if (exact)
            {
                if (items.Count != property.Items.Count) return false;
                for (var i = 0; i < items.Count; i++)
                    if (!Matches(items[i], property.Items[i], exact: true)) return false;
            }
            else
            {
                foreach (var wanted in property.Items)
                    if (!items.Exists(item => Matches(item, wanted, exact: false))) return false;
            }
        }
        return !exact || NoOtherContent(node, expected);
    }

    internal static bool SameText(string? actual, ValueTree expected)
    {
        if (actual is null) return false;
        if (string.Equals(actual, expected.Text, StringComparison.Ordinal)) return true;
        return expected.IsNumber
            && decimal.TryParse(actual, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(expected.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && a == b;
    }

    internal static List<ElementNode> ChildrenNamed(ElementNode node, string wireName)
    {
        var list = new List<ElementNode>();
        foreach (var child in node.Children)
            if (string.Equals(child.JsonName, wireName, StringComparison.Ordinal)) list.Add(child);
        return list;
    }

    /// <summary>A fixed value admits no other properties, apart from the element's id and extensions.</summary>
    private static bool NoOtherContent(ElementNode node, ValueTree expected)
    {
        foreach (var child in node.Children)
        {
            if (child.Name is "id" or "extension" or "modifierExtension") continue;
            var named = false;
            foreach (var p in expected.Properties)
                if (string.Equals(p.Name, child.JsonName, StringComparison.Ordinal)) { named = true; break; }
            if (!named) return false;
        }
        return true;
    }

    /// <summary>The element as text for messages: a primitive's value, else its type.</summary>
    public static string Describe(ElementNode node) => node.Text is { } text ? $"'{text}'" : $"of type {node.InstanceType}";
}
