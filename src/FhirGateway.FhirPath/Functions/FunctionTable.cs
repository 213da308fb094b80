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
        TerminologyFunctions.Register(b);
        ValidatorContextFunctions.Register(b);
        return b.Entries.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Collects registrations; a duplicate name is a bug.</summary>
    internal sealed class Registry
    {
        public Dictionary<string, FunctionDef> Entries { get; } = new(StringComparer.Ordinal);

        /// <summary>Registers a function by its signature (see <see cref="FunctionSignature"/>).</summary>
        public void Add(string signature, bool propagatesEmpty, FunctionBody body)
        {
            var def = FunctionSignature.Parse(signature, propagatesEmpty, body);
            if (!Entries.TryAdd(def.Name, def)) throw new InvalidOperationException($"Function {def.Name} registered twice.");
        }
    }
}
