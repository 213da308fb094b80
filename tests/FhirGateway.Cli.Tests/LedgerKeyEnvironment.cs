using System.Runtime.CompilerServices;

namespace FhirGateway.Cli.Tests;

/// <summary>
/// The CLI tests run as an operator does: with the ledger key in the environment (<c>FHIRGW_LEDGER__KEY</c>), so that
/// the commands that write the ledger (ingest, replay, run) start and <c>audit verify</c> checks keyed entries.
/// </summary>
internal static class LedgerKeyEnvironment
{
    public const string Key = "cli-test-ledger-key-0123456789abcdefghijkl";

    [ModuleInitializer]
    internal static void Set() => Environment.SetEnvironmentVariable("FHIRGW_LEDGER__KEY", Key);
}
