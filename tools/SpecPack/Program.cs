// Builds the compact R4 definitions pack from the official FHIR packages. See docs "Regenerating the R4 pack".
using System.Diagnostics;
using FhirGateway.Tools.SpecPack;

var output = default(string);
var inputs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--out" or "-o" && i + 1 < args.Length) output = args[++i];
    else if (args[i].StartsWith('-'))
    {
        Console.Error.WriteLine($"SpecPack: unknown option {args[i]}");
        return 2;
    }
    else inputs.Add(args[i]);
}
if (output is null || inputs.Count == 0)
{
    Console.Error.WriteLine("usage: SpecPack --out <file.pack> <package.tgz|package-folder>...");
    Console.Error.WriteLine("  the first package gives the definitions; later ones add definitions and ValueSet expansions.");
    return 2;
}

var clock = Stopwatch.StartNew();
try
{
    var builder = new PackBuilder();
    foreach (var input in inputs) builder.AddPackage(input, Console.Out);
    using (var file = File.Create(output)) builder.Write(file, Console.Out);
    Console.Out.WriteLine(builder.Summary());
    Console.Out.WriteLine($"wrote {output}: {new FileInfo(output).Length:N0} bytes in {clock.ElapsedMilliseconds:N0} ms");
    return 0;
}
catch (Exception e) when (e is IOException or FhirGateway.Fhir.Definitions.DefinitionFormatException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"SpecPack: {e.Message}");
    return 2;
}
