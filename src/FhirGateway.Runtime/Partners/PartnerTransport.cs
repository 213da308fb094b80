using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// How the gateway reaches a partner: TLS by default (plain <c>http://</c> only to loopback, or where
/// <c>Partners:N:AllowInsecureHttp</c> says so, which start-up and <c>partners check</c> flag), and an optional client
/// certificate for mutual TLS: <c>Partners:N:ClientCertificate</c> (a PKCS#12 file, with <c>:ClientCertificatePassword</c>)
/// or <c>Partners:N:ClientCertificateStore</c> (<c>CurrentUser/My/THUMBPRINT</c>).
/// </summary>
public static class PartnerTransport
{
    /// <summary>True when <paramref name="url"/> is https, or http to a loopback host.</summary>
    public static bool IsSecureOrLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Scheme == Uri.UriSchemeHttps || url.IsLoopback || IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    /// <summary>The partner's URLs that go out as plain http to somewhere other than loopback (allowed only with AllowInsecureHttp).</summary>
    public static IEnumerable<string> InsecureUrls(PartnerOptions partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        foreach (var text in new[] { partner.BaseUrl, partner.Auth.Mode == PartnerAuthMode.ClientCredentials ? partner.Auth.TokenEndpoint : null })
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp && !IsSecureOrLoopback(url))
                yield return text!;
    }

    /// <summary>The partner's client certificate, or null when none is configured. Throws <see cref="CryptographicException"/> or <see cref="IOException"/> when it cannot be loaded.</summary>
    public static X509Certificate2? ClientCertificate(PartnerOptions partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        if (!string.IsNullOrWhiteSpace(partner.ClientCertificate))
            return X509CertificateLoader.LoadPkcs12FromFile(partner.ClientCertificate, partner.ClientCertificatePassword);
        if (string.IsNullOrWhiteSpace(partner.ClientCertificateStore)) return null;
        var parts = partner.ClientCertificateStore.Split('/');
        if (parts.Length != 3 || !Enum.TryParse<StoreLocation>(parts[0], true, out var location))
            throw new CryptographicException($"'{partner.ClientCertificateStore}' is not a store reference LOCATION/STORE/THUMBPRINT (CurrentUser/My/…)");
        using var store = new X509Store(parts[1], location);
        store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        var found = store.Certificates.Find(X509FindType.FindByThumbprint, parts[2], validOnly: false);
        return found.Count > 0 ? found[0] : throw new CryptographicException($"no certificate with thumbprint {parts[2]} in {parts[0]}/{parts[1]}");
    }

    /// <summary>Why the partner's client certificate cannot be used, or null.</summary>
    public static string? CertificateProblem(PartnerOptions partner)
    {
        try
        {
            using var certificate = ClientCertificate(partner);
            return certificate is null || certificate.HasPrivateKey ? null : "the client certificate has no private key";
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return $"the client certificate cannot be loaded: {e.Message}";
        }
    }

    /// <summary>The primary handler of the partner's HttpClient: the platform's TLS, presenting the client certificate if one is configured.</summary>
    public static HttpMessageHandler Handler(PartnerOptions partner)
    {
        var handler = new SocketsHttpHandler();
        if (ClientCertificate(partner) is { } certificate) handler.SslOptions.ClientCertificates = [certificate];
        return handler;
    }
}
