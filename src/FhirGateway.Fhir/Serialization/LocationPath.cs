using System.Text;

namespace FhirGateway.Fhir.Serialization;

/// <summary>
/// The FHIRPath location of the reader's current place (<c>Observation.component[1]</c>), kept as a stack of
/// segments and turned into text only when an issue needs it.
/// </summary>
internal sealed class LocationPath
{
    private string[] _names = new string[32];
    private int[] _indexes = new int[32];
    private int _depth;

    public void Push(string name, int index)
    {
        if (_depth == _names.Length)
        {
            Array.Resize(ref _names, _depth * 2);
            Array.Resize(ref _indexes, _depth * 2);
        }
        _names[_depth] = name;
        _indexes[_depth] = index;
        _depth++;
    }

    public void Pop() => _depth--;

    /// <summary>The current location, optionally extended by one more segment (index -1: none).</summary>
    public string Describe(string? child = null, int childIndex = -1)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < _depth; i++) Append(sb, _names[i], _indexes[i]);
        if (child is not null) Append(sb, child, childIndex);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, string name, int index)
    {
        if (sb.Length > 0) sb.Append('.');
        sb.Append(name);
        if (index >= 0) sb.Append('[').Append(index).Append(']');
    }
}
