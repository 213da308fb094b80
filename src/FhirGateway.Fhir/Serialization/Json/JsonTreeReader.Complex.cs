using System.Runtime.InteropServices;
using System.Text.Json;
using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>Complex, backbone and resource-valued properties, and attaching an object's gathered children to its node.</summary>
internal sealed partial class JsonTreeReader
{
    private void ReadComplex(ref Utf8JsonReader r, List<PropertySlot> slots, TypedProperty p, int namePos)
    {
        var si = BeginProperty(ref r, slots, p, companion: false, namePos);
        if (si < 0) return;
        ref var slot = ref CollectionsMarshal.AsSpan(slots)[si];
        if (!p.IsCollection)
        {
            slot.ValueCount = 1;
            if (!ExpectObject(ref r, p, p.WireName, -1, namePos)) return;
            slot.Single = ReadComplexItem(ref r, p, -1, namePos);
            return;
        }
        if (!ExpectArray(ref r, p.WireName, p, namePos)) return;
        var items = slot.Items ??= RentEntries();
        var i = 0;
        for (; NextItem(ref r, items, i, out var pos); i++)
        {
            if (ExpectObject(ref r, p, p.WireName, i, pos))
                items[i].Node = ReadComplexItem(ref r, p, i, pos);
            items[i].Reported = true;
        }
        EndArray(i, p.WireName, namePos);
        slot.ValueCount = i;
    }

    private int BeginProperty(ref Utf8JsonReader r, List<PropertySlot> slots, TypedProperty p, bool companion, int namePos)
    {
        var si = FindOrAddSlot(slots, p, companion, namePos);
        if (si < 0) r.Skip();
        return si;
    }

    private bool ExpectArray(ref Utf8JsonReader r, string wire, TypedProperty p, int namePos)
    {
        if (r.TokenType == JsonTokenType.StartArray) return true;
        Report(IssueCatalogue.JsonExpectedArray, namePos, _path.Describe(wire), wire, p.Property.Max, Describe(r.TokenType));
        r.Skip();
        return false;
    }

    /// <summary>Moves to the next item of the array being read, making room for its entry; false at the end of the array.</summary>
    private static bool NextItem(ref Utf8JsonReader r, SlotEntries items, int i, out int pos)
    {
        pos = -1;
        if (!r.Read() || r.TokenType == JsonTokenType.EndArray) return false;
        pos = (int)r.TokenStartIndex;
        if (i == items.Count) items.Add();
        return true;
    }

    private void EndArray(int count, string wire, int namePos)
    {
        if (count == 0) Report(IssueCatalogue.JsonEmptyArray, namePos, _path.Describe(wire), wire);
    }

    /// <summary>Reads one object of a complex, backbone or resource property; null when it could not be typed or held nothing.</summary>
    private ElementNode? ReadComplexItem(ref Utf8JsonReader r, TypedProperty p, int index, int pos)
    {
        TypedPropertyTable? table;
        ElementNode node;
        if (p.IsResourceContainer)
        {
            table = ReadResourceType(ref r, p.WireName, index, pos);
            if (table is null)
            {
                r.Skip();
                return null;
            }
            node = new ElementNode(p.ResourceShape(table.Type), pos, null);
        }
        else
        {
            table = p.ChildTable(_tables);
            node = NewNode(p, pos, null);
        }
        _path.Push(p.WireName, index);
        var count = ReadObject(ref r, node, table, p.IsResourceContainer);
        _path.Pop();
        if (count == 0)
        {
            Report(IssueCatalogue.JsonEmptyObject, pos, _path.Describe(p.WireName, index), p.WireName);
            return null;
        }
        return node.HasChildren || p.IsResourceContainer ? node : null;
    }

    /// <summary>
    /// Gives <paramref name="parent"/> the gathered children in document order, as one array of the exact
    /// size, and reports null placeholders that nothing filled and companion arrays whose length differs.
    /// Quiet when a syntax error cut the object short.
    /// </summary>
    private void Attach(ElementNode parent, List<PropertySlot> slots, bool quiet)
    {
        var count = CountContent(slots);
        ElementNode[] children = count == 0 ? [] : new ElementNode[count];
        var k = 0;
        foreach (var slot in slots)
        {
            if (slot.Single is { } single)
            {
                if (HasContent(single)) children[k++] = Attached(single, parent, -1);
                continue;
            }
            if (slot.Items is not { } items) continue;
            var p = slot.Property;
            var index = 0;
            for (var i = 0; i < items.Count; i++)
            {
                var entry = items[i];
                if (entry.Node is { } node)
                {
                    if (HasContent(node)) children[k++] = Attached(node, parent, index++);
                }
                else if (!entry.Reported && !quiet)
                {
                    var both = i < slot.ValueCount && i < slot.CompanionCount;
                    Report(both ? IssueCatalogue.JsonNullInBoth : IssueCatalogue.JsonUnmatchedNull, entry.NullPosition,
                        _path.Describe(p.WireName, i), p.WireName, i);
                }
            }
            if (!quiet && slot.ValueCount > 0 && slot.CompanionCount > 0 && slot.ValueCount != slot.CompanionCount)
            {
                var pos = items.Count > 0 && items[0].Node is { } first ? first.Position : parent.Position;
                Report(IssueCatalogue.JsonCompanionLengthMismatch, pos, _path.Describe(p.WireName), p.WireName, slot.CompanionCount, slot.ValueCount);
            }
            items.Release();
            _entryPool.Push(items);
        }
        parent.SetChildren(children);
    }

    private static int CountContent(List<PropertySlot> slots)
    {
        var count = 0;
        foreach (var slot in slots)
        {
            if (slot.Single is { } single)
            {
                if (HasContent(single)) count++;
            }
            else if (slot.Items is { } items)
            {
                for (var i = 0; i < items.Count; i++)
                    if (items[i].Node is { } node && HasContent(node)) count++;
            }
        }
        return count;
    }

    private static ElementNode Attached(ElementNode child, ElementNode parent, int index)
    {
        child.AttachTo(parent, index);
        return child;
    }

    private static bool HasContent(ElementNode node) => node.HasText || node.HasChildren || node.IsResource;
}
