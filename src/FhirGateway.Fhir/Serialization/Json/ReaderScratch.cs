namespace FhirGateway.Fhir.Serialization.Json;

/// <summary>
/// The reader's working lists (the property slots of each open object, the entries of each open array),
/// kept per thread between parses so reading a resource does not first rebuild them. Everything in them
/// is cleared before it goes back, so no tree stays reachable from here.
/// </summary>
internal sealed class ReaderScratch
{
    [ThreadStatic]
    private static ReaderScratch? t_cached;

    public Stack<List<PropertySlot>> Slots { get; } = new();

    public Stack<SlotEntries> Entries { get; } = new();

    /// <summary>This thread's scratch, or a new one when it is in use (a parse inside a parse) or not made yet.</summary>
    public static ReaderScratch Rent()
    {
        var scratch = t_cached ?? new ReaderScratch();
        t_cached = null;
        return scratch;
    }

    public static void Return(ReaderScratch scratch) => t_cached = scratch;
}
