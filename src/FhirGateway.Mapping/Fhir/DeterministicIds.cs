using System.Security.Cryptography;
using System.Text;

namespace FhirGateway.Mapping.Fhir;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) for resource ids and bundle fullUrls: the same resource type and
/// business identifier always give the same id, on any machine, with no clock and no randomness.
/// </summary>
public static class DeterministicIds
{
    /// <summary>The namespace of the gateway's names (a version 5 UUID of the clinic's base URL in the URL namespace).</summary>
    private static readonly Guid Namespace = Create(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), Ig.ClinicIg.Base);

    /// <summary>The id of the resource of <paramref name="resourceType"/> whose business identifier is <paramref name="identifier"/>.</summary>
    public static string For(string resourceType, BusinessIdentifier identifier) =>
        Create(Namespace, $"{resourceType}?{identifier.System}|{identifier.Value}").ToString("D");

    public static Guid Create(Guid namespaceId, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        ns.CopyTo(input);
        nameBytes.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 prescribes for version 5 name-based UUIDs; no security property is claimed.
        SHA1.HashData(input, hash);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
