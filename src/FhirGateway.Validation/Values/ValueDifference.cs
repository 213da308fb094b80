using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Values;

/// <summary>
/// Where an element first departs from a fixed or pattern value, in words for the message: the child (by its path
/// below the element) whose value differs, that is missing, that has another number of items, or that a fixed value
/// does not admit. Empty when the element's own primitive value is what differs (the message already says so).
/// </summary>
internal static class ValueDifference
{
    public static string Explain(ElementNode node, ValueTree expected, bool exact) =>
        Find(node, expected, exact, "") is { Length: > 0 } found ? $" ({found})" : "";

    private static string Find(ElementNode node, ValueTree expected, bool exact, string path)
    {
        if (expected.Text is not null && !ValueMatcher.SameText(node.Text, expected))
            return path.Length == 0 ? "" : node.Text is null ? $"{path} has no value, expected '{expected.Text}'" : $"{path} is '{node.Text}', expected '{expected.Text}'";
        foreach (var property in expected.Properties)
        {
            var items = ValueMatcher.ChildrenNamed(node, property.Name);
            var at = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (items.Count == 0 && property.Items.Count > 0) return $"{at} is missing";
            if (exact && items.Count != property.Items.Count) return $"{at} has {items.Count} item(s), the fixed value {property.Items.Count}";
            for (var i = 0; i < property.Items.Count; i++)
            {
                var wanted = property.Items[i];
                if (exact ? ValueMatcher.Matches(items[i], wanted, exact: true) : items.Exists(item => ValueMatcher.Matches(item, wanted, exact: false))) continue;
                var closest = exact ? items[i] : items.Count == 1 ? items[0] : null;
                if (closest is null) return $"no {at} matches the pattern's {at}[{i}]";
                var itemPath = items.Count == 1 && property.Items.Count == 1 ? at : $"{at}[{(exact ? i : 0)}]";
                return Find(closest, wanted, exact, itemPath) is { Length: > 0 } deeper ? deeper : $"{itemPath} differs";
            }
        }
        if (!exact) return "";
        foreach (var child in node.Children)
            if (child.Name is not ("id" or "extension" or "modifierExtension") && !expected.Properties.Any(p => p.Name == child.JsonName))
                return $"{(path.Length == 0 ? child.JsonName : $"{path}.{child.JsonName}")} is not in the fixed value";
        return "";
    }
}
