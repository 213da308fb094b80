using FhirGateway.Fhir.Model;

namespace FhirGateway.Validation.Checks;

/// <summary>
/// The two core invariants that hold on every element and every extension, evaluated natively instead of by
/// FHIRPath because they run on every node: used only when a constraint's key and expression are exactly the
/// published ones, so any other wording still goes through FHIRPath.
/// </summary>
internal static class NativeInvariants
{
    private static readonly Dictionary<(string Key, string Expression), Func<ElementNode, bool>> Known = new()
    {
        // ele-1: "All FHIR elements must have a @value or children"
        [("ele-1", "hasValue() or (children().count() > id.count())")] = node =>
            node.Text is not null || node.Children.Count > (node.Child("id") is null ? 0 : 1),
        // ext-1: "Must have either extensions or value[x], not both"
        [("ext-1", "extension.exists() != value.exists()")] = node => node.Child("extension") is null != (node.Child("value") is null),
    };

    public static Func<ElementNode, bool>? For(string key, string expression) => Known.GetValueOrDefault((key, expression));
}
