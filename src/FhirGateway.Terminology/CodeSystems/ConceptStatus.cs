namespace FhirGateway.Terminology.CodeSystems;

/// <summary>
/// Reads a concept's flags from its properties as R4 names them (http://hl7.org/fhir/concept-properties):
/// <c>status</c> retired/deprecated, <c>inactive</c>, <c>deprecationDate</c>, <c>notSelectable</c>, <c>abstract</c>.
/// </summary>
internal static class ConceptStatus
{
    public static ConceptFlags Read(IEnumerable<PropertyValue> properties)
    {
        var flags = ConceptFlags.None;
        foreach (var p in properties)
        {
            switch (p.Code)
            {
                case "status" when p.Value is "retired" or "inactive":
                case "inactive" when p.Value == "true":
                    flags |= ConceptFlags.Inactive;
                    break;
                case "status" when p.Value == "deprecated":
                case "deprecationDate" or "deprecated":
                    flags |= ConceptFlags.Deprecated;
                    break;
                case "notSelectable" or "abstract" when p.Value == "true":
                    flags |= ConceptFlags.NotSelectable;
                    break;
            }
        }
        return flags;
    }

    /// <summary>Words for a message: "inactive", "deprecated".</summary>
    public static string Describe(ConceptFlags flags) =>
        string.Join(", ", new[] { (ConceptFlags.Inactive, "retired or inactive"), (ConceptFlags.Deprecated, "deprecated"), (ConceptFlags.NotSelectable, "not selectable") }
            .Where(f => (flags & f.Item1) != 0).Select(f => f.Item2));
}
