using System.Globalization;

namespace FhirGateway.Runtime.Ledger;

/// <summary>The ledger's one time format (UTC, milliseconds), fixed because it is hashed.</summary>
public static class LedgerTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
