using FhirGateway.Runtime.Ledger;
using FhirGateway.Runtime.Store;
using Microsoft.AspNetCore.Http;

namespace FhirGateway.Runtime.WebConsole;

/// <summary>
/// The console's ledger entries (step <c>console</c>), each naming who acted: on a record's own key for what concerns one
/// record (viewed, replay requested), on <see cref="SessionKey"/> for the rest (signed in, signed out, a records search —
/// with the patient searched for as the entry's patient —, the inbound updates viewed), and on <see cref="VerifyKey"/>
/// for ledger verifications, whose latest entry is the status page's "last verified".
/// </summary>
internal static class ConsoleLedger
{
    public const string SessionKey = "console";
    public const string VerifyKey = "console:ledger-verify";

    public static Task NoteAsync(HttpContext context, ILedgerStore store, string recordKey, string? patientId, string what) =>
        NoteAsync(context, store, recordKey, patientId, what, ConsoleModule.Actor(context));

    /// <summary>As <see cref="NoteAsync(HttpContext, ILedgerStore, string, string?, string)"/> for an actor named otherwise (signing in: not yet on the request's user).</summary>
    public static Task NoteAsync(HttpContext context, ILedgerStore store, string recordKey, string? patientId, string what, string actor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(store);
        return store.AppendLedgerAsync([new LedgerDraft(LedgerSteps.Console, recordKey, patientId ?? "") { Detail = $"{what} by {actor}" }], context.RequestAborted);
    }

    /// <summary>The newest verification entry, or null when the ledger was never verified from the console.</summary>
    public static async Task<LedgerEntry?> LastVerificationAsync(ILedgerStore store, CancellationToken cancellationToken) =>
        (await store.TraceAsync(VerifyKey, null, cancellationToken)).LastOrDefault();
}
