using System.Buffers;
using FhirGateway.Fhir.Model;

namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// What one object of the input says about one property, gathered until the object ends: the JSON reader
/// needs this because a primitive's value (<c>given</c>) and its id and extensions (<c>_given</c>) arrive as
/// two properties in either order, aligned by index, with <c>null</c> placeholders.
/// </summary>
internal struct PropertySlot
{
    public PropertySlot(TypedProperty property)
    {
        Property = property;
        ValueCount = -1;
        CompanionCount = -1;
    }

    public TypedProperty Property;

    /// <summary>The node of a single-valued property.</summary>
    public ElementNode? Single;

    /// <summary>The entries of a repeating property, by index.</summary>
    public SlotEntries? Items;

    /// <summary>Entries in the value property (<c>given</c>); -1 when it has not been seen.</summary>
    public int ValueCount;

    /// <summary>Entries in the companion property (<c>_given</c>); -1 when it has not been seen.</summary>
    public int CompanionCount;
}

/// <summary>One index of a repeating property: its node, or where a null placeholder (or a rejected value) stood.</summary>
internal struct SlotEntry
{
    public ElementNode? Node;
    public int NullPosition;
    /// <summary>True when the gap is already explained by an issue (a value of the wrong kind, an empty string…).</summary>
    public bool Reported;
}

/// <summary>
/// The entries of one repeating property while its object is read, in an array rented from the shared pool:
/// an array of thousands of entries (a Bundle, an ImplementationGuide's pages) then costs no new buffer per
/// read. <see cref="Release"/> clears what was used and gives the array back.
/// </summary>
internal sealed class SlotEntries
{
    private SlotEntry[] _items = [];

    public int Count { get; private set; }

    public ref SlotEntry this[int index] => ref _items[index];

    /// <summary>Appends an empty entry.</summary>
    public void Add()
    {
        if (Count == _items.Length)
        {
            var larger = ArrayPool<SlotEntry>.Shared.Rent(Math.Max(16, Count * 2));
            _items.AsSpan(0, Count).CopyTo(larger);
            Return();
            _items = larger;
        }
        _items[Count++] = default;
    }

    public void Release()
    {
        Return();
        _items = [];
        Count = 0;
    }

    private void Return()
    {
        if (_items.Length == 0) return;
        _items.AsSpan(0, Count).Clear();
        ArrayPool<SlotEntry>.Shared.Return(_items);
    }
}
