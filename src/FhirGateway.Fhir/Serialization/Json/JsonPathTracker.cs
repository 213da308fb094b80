namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// Follows a forward JSON pass and names where it is as a path (<c>results[2].unit</c>; "" for the root): call
/// <see cref="Property"/> on a name, <see cref="Value"/> on every value (before <see cref="Open"/> for an object or array),
/// <see cref="Close"/> at its end.
/// </summary>
internal sealed class JsonPathTracker
{
    private readonly List<Frame> _frames = [];
    private string? _pending;

    /// <summary>The path of the value (or property) just seen.</summary>
    public string Current { get; private set; } = "";

    /// <summary>How many items the innermost array has had so far (0 outside arrays).</summary>
    public int ItemsInArray => _frames.Count > 0 && _frames[^1].IsArray ? _frames[^1].Items : 0;

    /// <summary>The path of the innermost array.</summary>
    public string ArrayPath => _frames.Count > 0 ? _frames[^1].Path : "";

    public void Property(string name)
    {
        var parent = _frames.Count == 0 ? "" : _frames[^1].Path;
        _pending = parent.Length == 0 ? name : $"{parent}.{name}";
        Current = _pending;
    }

    public void Value()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            var frame = _frames[^1];
            Current = $"{frame.Path}[{frame.Items}]";
            _frames[^1] = frame with { Items = frame.Items + 1 };
            return;
        }
        Current = _pending ?? "";
        _pending = null;
    }

    public void Open(bool isArray) => _frames.Add(new Frame(Current, isArray, 0));

    public void Close()
    {
        if (_frames.Count > 0) _frames.RemoveAt(_frames.Count - 1);
    }

    private readonly record struct Frame(string Path, bool IsArray, int Items);
}
