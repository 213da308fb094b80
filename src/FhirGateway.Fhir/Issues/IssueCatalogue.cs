using System.Reflection;

namespace FhirGateway.Fhir.Issues;

/// <summary>
/// The one catalogue of issue kinds. Each stage adds its entries in its own partial file
/// (<c>IssueCatalogue.Json.cs</c>, …) as static readonly fields; ids are stable and unique (a test checks).
/// </summary>
public static partial class IssueCatalogue
{
    /// <summary>The summary <see cref="IssueLimit"/> puts in place of the issues beyond the limit.</summary>
    public static readonly IssueDefinition IssuesTruncated = new("issues-truncated", IssueSeverity.Information, IssueType.TooLong,
        "{0} more issues are not listed ({1} in all; the first {2} are)");

    /// <summary>Every entry of the catalogue, found by reflection over its static fields.</summary>
    /// <remarks>Lazy, because static field initialisers of partial files run in no guaranteed order.</remarks>
    public static IReadOnlyList<IssueDefinition> All => AllEntries.Value;

    private static readonly Lazy<IssueDefinition[]> AllEntries = new(() => typeof(IssueCatalogue)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(IssueDefinition))
        .Select(f => (IssueDefinition)f.GetValue(null)!)
        .ToArray());
}
