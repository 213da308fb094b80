namespace FhirGateway.Fhir.Definitions.Snapshots;

/// <summary>
/// Element ids per the spec: the parent's id, a dot, the element's own name, and <c>:sliceName</c> for a slice
/// (re-slices carry <c>slice/reslice</c>); the root's id is its path.
/// </summary>
internal static class ElementIds
{
    public static string Of(string? parentId, ElementDefinitionInfo element)
    {
        var own = parentId is null ? element.Path : $"{parentId}.{SnapshotNode.PathName(element.Path)}";
        return element.SliceName is null ? own : $"{own}:{element.SliceName}";
    }
}
