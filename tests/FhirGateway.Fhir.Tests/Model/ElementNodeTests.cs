using FhirGateway.Fhir.Model;
using static FhirGateway.Fhir.Tests.Serialization.Json.JsonTestSupport;

namespace FhirGateway.Fhir.Tests.Model;

public sealed class ElementNodeTests
{
    private static ElementNode Node(string name) => new(name, name, "string", null, null);

    [Theory]
    [InlineData(3)]
    [InlineData(40)]
    public void Children_with_a_name_come_in_document_order_however_many_children_there_are(int count)
    {
        var parent = Node("Bundle");
        for (var i = 0; i < count; i++) parent.Add(Node(i % 2 == 0 ? "entry" : "link"), inArray: true);
        var entries = parent.ChildrenWithName("entry");
        Assert.Equal((count + 1) / 2, entries.Count);
        Assert.Equal(Enumerable.Range(0, entries.Count), entries.Select(e => e.Index));
        Assert.Empty(parent.ChildrenWithName("total"));
        Assert.Same(entries[0], parent.Child("entry"));
    }

    [Fact]
    public void A_child_added_after_a_look_up_is_found_by_the_next_one()
    {
        var parent = Node("Bundle");
        for (var i = 0; i < 20; i++) parent.Add(Node("entry"), inArray: true);
        Assert.Null(parent.Child("total"));
        parent.Add(Node("total"), inArray: false);
        Assert.NotNull(parent.Child("total"));
    }

    [Fact]
    public void A_child_added_to_a_read_node_follows_the_children_the_reader_gave_it()
    {
        var patient = ParseClean("""{"resourceType":"Patient","name":[{"family":"A"},{"family":"B"}],"active":true}""");
        var added = patient.Add(Node("name"), inArray: true);
        Assert.Equal(["name", "name", "active", "name"], patient.Children.Select(c => c.Name));
        Assert.Equal(2, added.Index);
        Assert.Same(patient, added.Parent);
        Assert.Equal("Patient.name[2]", added.Location);
    }

    [Fact]
    public void Every_node_of_a_read_tree_names_the_document_it_came_from()
    {
        var root = ParseClean("""{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","name":[{"family":"F"}]}}]}""");
        var family = At(root, "entry", "resource", "name", "family");
        Assert.Same(root.Document, family.Document);
        Assert.Equal("t.json", family.Document?.Origin);
        Assert.Equal((1, 102), family.LineColumn);
    }

    [Fact]
    public void A_built_node_keeps_its_own_document_and_a_node_without_one_has_no_position()
    {
        var root = ParseClean("""{"resourceType":"Patient"}""");
        var loose = Node("name");
        Assert.Null(loose.Document);
        Assert.Equal((0, 0), loose.LineColumn);
        root.Add(loose, inArray: true);
        Assert.Equal((0, 0), loose.LineColumn);
    }
}
