using FhirGateway.Fhir.Definitions;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Tests.Serialization.Json;

/// <summary>
/// A small hand-built type model for reader and writer unit tests: a few primitives, Extension, Coding,
/// Quantity, HumanName, Narrative, and the resources Patient (backbone contact, choice deceased[x]),
/// Observation (choice value[x], backbone component), Bundle (entry.resource) and Organization.
/// </summary>
internal sealed class FakeTypeModel : ITypeModel
{
    public static readonly FakeTypeModel Instance = new();

    private readonly Dictionary<string, TypeDescriptor> _types = new(StringComparer.Ordinal);

    private FakeTypeModel()
    {
        Primitive("string", "System.String");
        Primitive("code", "System.String");
        Primitive("uri", "System.String");
        Primitive("id", "System.String");
        Primitive("dateTime", "System.DateTime");
        Primitive("decimal", "System.Decimal");
        Primitive("integer", "System.Integer");
        Primitive("positiveInt", "System.Integer");
        Primitive("boolean", "System.Boolean");
        Primitive("xhtml", "System.String");

        Complex("Extension", TypeKind.Complex, "Element",
            Element("Extension"), P("Extension.url", ["uri"], xmlAttr: true),
            P("Extension.value[x]", ["string", "decimal", "boolean", "integer", "Quantity", "Coding"], choice: true));
        Complex("Coding", TypeKind.Complex, "Element", Element("Coding"), P("Coding.system", ["uri"]), P("Coding.code", ["code"]));
        Complex("Quantity", TypeKind.Complex, "Element", Element("Quantity"), P("Quantity.value", ["decimal"]), P("Quantity.unit", ["string"]));
        Complex("HumanName", TypeKind.Complex, "Element", Element("HumanName"), P("HumanName.family", ["string"]), P("HumanName.given", ["string"], many: true));
        Complex("Narrative", TypeKind.Complex, "Element", Element("Narrative"), P("Narrative.status", ["code"]), P("Narrative.div", ["xhtml"], xhtml: true));

        var contact = Backbone("Patient.contact", P("Patient.contact.name", ["HumanName"]), P("Patient.contact.gender", ["code"]));
        Complex("Patient", TypeKind.Resource, "DomainResource", [.. DomainResource("Patient"),
            P("Patient.active", ["boolean"]), P("Patient.name", ["HumanName"], many: true),
            P("Patient.deceased[x]", ["boolean", "dateTime"], choice: true), P("Patient.contact", ["BackboneElement"], many: true, nested: contact)]);
        var component = Backbone("Observation.component", P("Observation.component.code", ["Coding"]),
            P("Observation.component.value[x]", ["Quantity", "string", "integer"], choice: true));
        Complex("Observation", TypeKind.Resource, "DomainResource", [.. DomainResource("Observation"),
            P("Observation.status", ["code"]), P("Observation.value[x]", ["Quantity", "string", "boolean", "integer"], choice: true),
            P("Observation.component", ["BackboneElement"], many: true, nested: component)]);
        Complex("Organization", TypeKind.Resource, "DomainResource", [.. DomainResource("Organization"), P("Organization.name", ["string"])]);
        var entry = Backbone("Bundle.entry", P("Bundle.entry.fullUrl", ["uri"]), P("Bundle.entry.resource", ["Resource"], container: true));
        Complex("Bundle", TypeKind.Resource, "Resource", [P("Bundle.id", ["string"]), P("Bundle.type", ["code"]),
            P("Bundle.entry", ["BackboneElement"], many: true, nested: entry)]);
        _types["DomainResource"] = new TypeDescriptor { Name = "DomainResource", TypeCode = "DomainResource", Kind = TypeKind.Resource, IsAbstract = true, Properties = DomainResource("DomainResource") };
    }

    public TypeDescriptor? FindType(string typeName) => _types.GetValueOrDefault(typeName);

    public bool IsSameOrSubtype(string typeName, string ancestorName)
    {
        for (var t = FindType(typeName); t is not null; t = t.BaseTypeName is null ? null : FindType(t.BaseTypeName))
            if (t.Name == ancestorName) return true;
        return false;
    }

    private void Primitive(string name, string system) =>
        _types[name] = new TypeDescriptor { Name = name, TypeCode = name, Kind = TypeKind.Primitive, BaseTypeName = "Element", SystemType = system, Properties = Order(Element(name)) };

    private void Complex(string name, TypeKind kind, string baseName, params PropertyDescriptor[][] groups)
    {
        var all = new List<PropertyDescriptor>();
        foreach (var g in groups) all.AddRange(g);
        _types[name] = new TypeDescriptor { Name = name, TypeCode = name, Kind = kind, BaseTypeName = baseName, Properties = Order(all) };
    }

    private void Complex(string name, TypeKind kind, string baseName, PropertyDescriptor[] first, params PropertyDescriptor[] rest) =>
        Complex(name, kind, baseName, [first, rest]);

    private static TypeDescriptor Backbone(string path, params PropertyDescriptor[] own) => new()
    {
        Name = path, TypeCode = "BackboneElement", Kind = TypeKind.Backbone,
        Properties = Order([.. Element(path), P(path + ".modifierExtension", ["Extension"], many: true), .. own]),
    };

    private static PropertyDescriptor[] Element(string type) =>
        [P(type + ".id", ["string"], xmlAttr: true), P(type + ".extension", ["Extension"], many: true)];

    private static PropertyDescriptor[] DomainResource(string type) =>
        [P(type + ".id", ["id"]), P(type + ".text", ["Narrative"]), P(type + ".contained", ["Resource"], many: true, container: true),
         P(type + ".extension", ["Extension"], many: true), P(type + ".modifierExtension", ["Extension"], many: true)];

    private static PropertyDescriptor P(string path, string[] codes, bool many = false, bool choice = false, bool xmlAttr = false,
        bool xhtml = false, bool container = false, TypeDescriptor? nested = null)
    {
        var name = path[(path.LastIndexOf('.') + 1)..].Replace("[x]", "", StringComparison.Ordinal);
        return new PropertyDescriptor
        {
            Name = name, Path = path, Order = 0, TypeCodes = codes, IsCollection = many, Max = many ? "*" : "1", IsChoice = choice,
            IsXmlAttribute = xmlAttr, IsXhtml = xhtml, IsResourceContainer = container, NestedType = nested,
            Definition = new ElementDefinitionInfo { Path = path },
        };
    }

    private static PropertyDescriptor[] Order(IEnumerable<PropertyDescriptor> properties) =>
        properties.Select((p, i) => new PropertyDescriptor
        {
            Name = p.Name, Path = p.Path, Order = i, TypeCodes = p.TypeCodes, IsCollection = p.IsCollection, Max = p.Max, IsChoice = p.IsChoice,
            IsXmlAttribute = p.IsXmlAttribute, IsXhtml = p.IsXhtml, IsResourceContainer = p.IsResourceContainer, NestedType = p.NestedType,
            Definition = p.Definition,
        }).ToArray();
}
