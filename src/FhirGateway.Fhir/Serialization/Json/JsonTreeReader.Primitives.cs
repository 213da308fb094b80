using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using FhirGateway.Fhir.Issues;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>Primitives: the value property (<c>given</c>) and its <c>_given</c> companion, merged by index.</summary>
internal sealed partial class JsonTreeReader
{
    private void ReadValue(ref Utf8JsonReader r, List<PropertySlot> slots, TypedProperty p, int namePos)
    {
        var si = BeginProperty(ref r, slots, p, companion: false, namePos);
        if (si < 0) return;
        ref var slot = ref CollectionsMarshal.AsSpan(slots)[si];
        if (!p.IsCollection)
        {
            if (r.TokenType == JsonTokenType.StartArray)
            {
                Report(IssueCatalogue.JsonUnexpectedArray, namePos, _path.Describe(p.WireName), p.WireName);
                r.Skip();
                return;
            }
            slot.ValueCount = 1;
            var text = ReadText(ref r, p, -1, namePos);
            if (text is null) return;
            if (slot.Single is null) slot.Single = NewNode(p, namePos, text);
            else slot.Single.SetValue(text);
            return;
        }
        if (!ExpectArray(ref r, p.WireName, p, namePos)) return;
        var items = slot.Items ??= RentEntries();
        var i = 0;
        for (; NextItem(ref r, items, i, out var pos); i++)
        {
            ref var entry = ref items[i];
            if (r.TokenType == JsonTokenType.Null)
            {
                if (entry.Node is null && entry.NullPosition == 0) entry.NullPosition = pos;
            }
            else
            {
                var text = ReadText(ref r, p, i, pos);
                if (text is null) entry.Reported = true;
                else if (entry.Node is null) entry.Node = NewNode(p, pos, text);
                else entry.Node.SetValue(text);
            }
        }
        EndArray(i, p.WireName, namePos);
        slot.ValueCount = i;
    }

    /// <summary>
    /// Reads a primitive's lexical value exactly (numbers as their token text; a very long string as a
    /// <see cref="DeferredUtf8Text"/>); reports and skips a value of the wrong JSON kind. Null when nothing was read.
    /// </summary>
    private object? ReadText(ref Utf8JsonReader r, TypedProperty p, int index, int pos)
    {
        var expected = p.ValueKind;
        switch (r.TokenType)
        {
            case JsonTokenType.String when expected == PrimitiveValueKind.String:
                if (r.ValueSpan.Length == 0)
                {
                    Report(IssueCatalogue.JsonEmptyString, pos, _path.Describe(p.WireName, index), p.WireName);
                    return null;
                }
                if (DeferredUtf8Text.TryDefer(ref r, _document.Text) is { } deferred) return deferred;
                var text = TryGetString(ref r);
                if (text is null)
                    Report(IssueCatalogue.JsonInvalidString, pos, _path.Describe(p.WireName, index), p.WireName, Encoding.UTF8.GetString(r.ValueSpan));
                return text;
            case JsonTokenType.Number when expected == PrimitiveValueKind.Number:
                return Encoding.UTF8.GetString(r.ValueSpan);
            case JsonTokenType.True when expected == PrimitiveValueKind.Boolean:
                return "true";
            case JsonTokenType.False when expected == PrimitiveValueKind.Boolean:
                return "false";
            case JsonTokenType.Null:
                Report(IssueCatalogue.JsonNullValue, pos, _path.Describe(p.WireName, index), p.WireName);
                return null;
            default:
                Report(IssueCatalogue.JsonWrongValueKind, pos, _path.Describe(p.WireName, index), p.WireName, p.InstanceType,
                    expected.Describe(), Describe(r.TokenType));
                r.Skip();
                return null;
        }
    }

    /// <summary>Reads <c>_name</c>: the id and extensions of a primitive (or of each entry of a repeating one).</summary>
    private void ReadCompanion(ref Utf8JsonReader r, List<PropertySlot> slots, TypedProperty p, int namePos)
    {
        var wire = p.CompanionName;
        if (!p.TakesCompanion)
        {
            Report(IssueCatalogue.JsonCompanionNotAllowed, namePos, _path.Describe(wire), p.WireName);
            r.Skip();
            return;
        }
        var si = BeginProperty(ref r, slots, p, companion: true, namePos);
        if (si < 0) return;
        ref var slot = ref CollectionsMarshal.AsSpan(slots)[si];
        var table = p.ChildTable(_tables);
        if (!p.IsCollection)
        {
            slot.CompanionCount = 1;
            if (!ExpectObject(ref r, p, wire, -1, namePos)) return;
            slot.Single ??= NewNode(p, namePos, null);
            ReadCompanionObject(ref r, slot.Single, table, p, wire, -1, namePos);
            return;
        }
        if (!ExpectArray(ref r, wire, p, namePos)) return;
        var items = slot.Items ??= RentEntries();
        var i = 0;
        for (; NextItem(ref r, items, i, out var pos); i++)
        {
            if (r.TokenType == JsonTokenType.Null)
            {
                ref var gap = ref items[i];
                if (gap.Node is null && gap.NullPosition == 0) gap.NullPosition = pos;
            }
            else if (!ExpectObject(ref r, p, wire, i, pos))
            {
                items[i].Reported = true;
            }
            else
            {
                ref var entry = ref items[i];
                var node = entry.Node ??= NewNode(p, pos, null);
                ReadCompanionObject(ref r, node, table, p, wire, i, pos);
            }
        }
        EndArray(i, wire, namePos);
        slot.CompanionCount = i;
    }

    private void ReadCompanionObject(ref Utf8JsonReader r, Model.ElementNode node, TypedPropertyTable table, TypedProperty p, string wire, int index, int pos)
    {
        _path.Push(p.WireName, index);
        var count = ReadObject(ref r, node, table, isResource: false);
        _path.Pop();
        if (count == 0) Report(IssueCatalogue.JsonEmptyObject, pos, _path.Describe(wire, index), wire);
    }

    private bool ExpectObject(ref Utf8JsonReader r, TypedProperty p, string wire, int index, int pos)
    {
        if (r.TokenType == JsonTokenType.StartObject) return true;
        if (r.TokenType == JsonTokenType.Null)
            Report(IssueCatalogue.JsonNullValue, pos, _path.Describe(wire, index), wire);
        else if (r.TokenType == JsonTokenType.StartArray && index < 0)
            Report(IssueCatalogue.JsonUnexpectedArray, pos, _path.Describe(wire), wire);
        else
            Report(IssueCatalogue.JsonExpectedObject, pos, _path.Describe(wire, index), wire, p.InstanceType ?? "Resource", Describe(r.TokenType));
        r.Skip();
        return false;
    }
}
