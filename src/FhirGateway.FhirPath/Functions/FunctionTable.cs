using System.Collections.Frozen;

namespace FhirGateway.FhirPath.Functions;

/// <summary>The symbol table of functions: each category registers its entries, one per line.</summary>
internal static class FunctionTable
{
    private static readonly FrozenDictionary<string, FunctionDef> Table = Build();

    public static FunctionDef? Find(string name) => Table.GetValueOrDefault(name);

    public static IEnumerable<string> Names => Table.Keys;

    private static FrozenDictionary<string, FunctionDef> Build()
    {
        var b = new Registry();
        ExistenceFunctions.Register(b);
        FilteringFunctions.Register(b);
        SubsettingFunctions.Register(b);
        CombiningFunctions.Register(b);
        ConversionFunctions.Register(b);
        StringFunctions.Register(b);
        MathFunctions.Register(b);
        TreeFunctions.Register(b);
        UtilityFunctions.Register(b);
        TypeFunctions.Register(b);
        BoundaryFunctions.Register(b);
        FhirFunctions.Register(b);
        return b.Entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Collects registrations; a duplicate name is a bug.</summary>
    internal sealed class Registry
    {
        public Dictionary<string, FunctionDef> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>A function whose arguments are all plain values (or none).</summary>
        public void Value(string name, int min, int max, bool propagatesEmpty, FunctionBody body) =>
            Add(new FunctionDef(name, min, max, [], propagatesEmpty, body));

        /// <summary>A function whose arguments are expressions evaluated by the function itself (per item).</summary>
        public void Lambda(string name, int min, int max, bool propagatesEmpty, FunctionBody body) =>
            Add(new FunctionDef(name, min, max, [ParamKind.Expression], propagatesEmpty, body));

        /// <summary>A function with explicit kinds per parameter.</summary>
        public void Kinds(string name, int min, int max, ParamKind[] kinds, bool propagatesEmpty, FunctionBody body) =>
            Add(new FunctionDef(name, min, max, kinds, propagatesEmpty, body));

        private void Add(FunctionDef def)
        {
            if (!Entries.TryAdd(def.Name, def)) throw new InvalidOperationException($"Function {def.Name} registered twice.");
        }
    }
}
