using FhirGateway.Fhir.Definitions.Snapshots;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.FhirPath;
using FhirGateway.Validation.Compilation.Builders;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Compilation;

/// <summary>
/// Compiles a StructureDefinition snapshot into a <see cref="StructureSchema"/>: the snapshot becomes a tree
/// (children by path, slices by name) and each element a <see cref="ElementSchema"/> whose checks come from the
/// builders below, one builder per aspect of the ElementDefinition. The compiler is just this list.
/// </summary>
internal sealed class SchemaCompiler(SchemaCache cache, FhirPathCompiler fhirPath, ITypeModel types)
{
    private static readonly ICheckBuilder[] Builders =
    [
        new TypeCheckBuilder(),
        new ContentReferenceBuilder(),
        new PrimitiveValueBuilder(),
        new ValueMatchBuilder(),
        new MinMaxValueBuilder(),
        new MaxLengthBuilder(),
        new BindingBuilder(),
        new DataTypeRuleBuilder(),
        new ReferenceBuilder(),
        new ExtensionBuilder(),
        new XhtmlBuilder(),
        new InvariantBuilder(),
        new ChildrenBuilder(),
    ];

    public StructureSchema Compile(PreparedDefinition prepared)
    {
        var definition = prepared.Definition;
        var problems = new List<Issue>(prepared.Problems);
        if (!prepared.HasSnapshot)
            return new StructureSchema(definition, new ElementSchema(new() { Path = definition.Type }, []), new Dictionary<string, ElementSchema>(),
                new Dictionary<string, Slicing.SliceCase>(), problems);
        var tree = SnapshotTree.Build(definition.Snapshot, p => p, problems);
        var context = new CompileContext(definition, cache, fhirPath, types, problems, CompileElement);
        var root = context.Compile(tree, inSlice: false);
        return new StructureSchema(definition, root, context.ByPath, context.Slices, problems);
    }

    private static ElementSchema CompileElement(ElementToCompile element)
    {
        var checks = new List<IElementCheck>();
        foreach (var builder in Builders) builder.Build(element, checks);
        var schema = new ElementSchema(element.Element, checks.ToArray());
        if (!element.InSlice && element.Element.SliceName is null) element.Context.ByPath.TryAdd(element.Element.Path, schema);
        return schema;
    }
}
