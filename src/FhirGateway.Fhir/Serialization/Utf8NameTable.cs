using System.Text;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// A small immutable map from UTF-8 names to values, looked up straight from the bytes a reader holds (no
/// string or character copy): open addressing over an FNV-1a hash, keys compared byte for byte.
/// </summary>
public sealed class Utf8NameTable<T> where T : class
{
    private readonly byte[]?[] _keys;
    private readonly T[] _values;
    private readonly int _mask;

    public Utf8NameTable(IEnumerable<KeyValuePair<string, T>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        var capacity = 8;
        while (capacity < list.Count * 2) capacity <<= 1;
        _keys = new byte[capacity][];
        _values = new T[capacity];
        _mask = capacity - 1;
        foreach (var (name, value) in list)
        {
            var key = Encoding.UTF8.GetBytes(name);
            var slot = Hash(key) & _mask;
            while (_keys[slot] is { } existing)
            {
                if (existing.AsSpan().SequenceEqual(key)) throw new ArgumentException($"'{name}' is given twice.", nameof(entries));
                slot = (slot + 1) & _mask;
            }
            _keys[slot] = key;
            _values[slot] = value;
        }
    }

    public bool TryGet(ReadOnlySpan<byte> utf8Name, out T value)
    {
        var slot = Hash(utf8Name) & _mask;
        while (_keys[slot] is { } key)
        {
            if (utf8Name.SequenceEqual(key))
            {
                value = _values[slot];
                return true;
            }
            slot = (slot + 1) & _mask;
        }
        value = null!;
        return false;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var h = 2166136261u;
        foreach (var b in name) h = (h ^ b) * 16777619u;
        return (int)(h ^ (h >> 15));
    }
}
