using System.Security.Cryptography;
using System.Text;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Intake;

/// <summary>The two roles: <c>operator</c> (sends records, replays, releases) and <c>auditor</c> (reads only).</summary>
public static class AccessRoles
{
    public const string Operator = "operator";
    public const string Auditor = "auditor";

    public static bool IsKnown(string? role) => role is Operator or Auditor;
}

/// <summary>Who a key belongs to and what it may do.</summary>
public sealed record AccessHolder(string Name, string Role);

/// <summary>
/// Every accepted secret with its holder: <c>Intake:ApiKeys</c> and <c>Intake:BearerTokens</c> (operators, as before
/// roles existed) and <c>Intake:Keys</c> (named, with a role). Look-ups compare SHA-256 hashes in constant time.
/// </summary>
public sealed class AccessKeys
{
    private readonly List<(byte[] Hash, AccessHolder Holder, bool Header, bool Bearer)> _keys = [];

    public AccessKeys(IntakeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        for (var i = 0; i < options.ApiKeys.Count; i++) Add(options.ApiKeys[i], new AccessHolder($"api-key-{i}", AccessRoles.Operator), header: true, bearer: false);
        for (var i = 0; i < options.BearerTokens.Count; i++) Add(options.BearerTokens[i], new AccessHolder($"bearer-token-{i}", AccessRoles.Operator), header: false, bearer: true);
        foreach (var k in options.Keys) Add(k.Key, new AccessHolder(k.Name, k.Role), header: true, bearer: true);
    }

    public bool Any => _keys.Count > 0;

    /// <summary>The holder of an API key given in the header; null when none matches.</summary>
    public AccessHolder? FindApiKey(string? given) => Find(given, k => k.Header);

    /// <summary>The holder of a bearer token; null when none matches.</summary>
    public AccessHolder? FindBearer(string? given) => Find(given, k => k.Bearer);

    /// <summary>The holder of a key given at the console's sign-in (any kind of key).</summary>
    public AccessHolder? FindAny(string? given) => Find(given, _ => true);

    private void Add(string secret, AccessHolder holder, bool header, bool bearer)
    {
        if (!string.IsNullOrEmpty(secret)) _keys.Add((Hash(secret), holder, header, bearer));
    }

    private AccessHolder? Find(string? given, Func<(byte[] Hash, AccessHolder Holder, bool Header, bool Bearer), bool> kind)
    {
        if (string.IsNullOrEmpty(given)) return null;
        var hash = Hash(given);
        AccessHolder? found = null;
        foreach (var key in _keys)
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash) && kind(key)) found ??= key.Holder;
        return found;
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
