using FhirGateway.Fhir.Model;

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
}
