using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FhirGateway.Runtime.Hosting;
using FhirGateway.Runtime.Partners;
using FhirGateway.Runtime.Tests.Support;

namespace FhirGateway.Runtime.Tests.Hosting;

public sealed class TlsTests : IDisposable
{
    private const string Password = "pfx-password";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static IReadOnlyList<string> Failures(params PartnerOptions[] partners) =>
        new GatewayOptionsValidator().Validate(null, new GatewayOptions { Partners = [.. partners], Ledger = { Unkeyed = true } }).Failures?.ToList() ?? [];

    private static PartnerOptions Partner(string baseUrl, string id = "hosp") => new() { Id = id, Organization = "urn:oid:1.2|hosp", BaseUrl = baseUrl };

    /// <summary>A self-signed certificate for 127.0.0.1 with its key, as a password-protected PKCS#12 file.</summary>
    private string Pfx(out string thumbprint)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        thumbprint = certificate.Thumbprint;
        var file = _folder.File("cert.pfx");
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, Password));
        return file;
    }

    [Fact]
    public void Plain_http_to_a_partner_that_is_not_loopback_is_refused_unless_allowed_knowingly()
    {
        var tokens = Partner("https://ehr.example.org/fhir", "b");
        tokens.Auth = new PartnerAuthOptions { Mode = PartnerAuthMode.ClientCredentials, TokenEndpoint = "http://idp.example.org/token", ClientId = "c", ClientSecret = "s" };

        var failures = Failures(Partner("http://ehr.example.org/fhir"), tokens);

        Assert.Contains(failures, f => f.StartsWith("Partners:0:BaseUrl (FHIRGW_PARTNERS__0__BASEURL): 'http://ehr.example.org/fhir' is plain http", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Partners:1:Auth:TokenEndpoint (FHIRGW_PARTNERS__1__AUTH__TOKENENDPOINT)", StringComparison.Ordinal));
        Assert.Empty(Failures(Partner("http://127.0.0.1:8080/fhir"), Partner("http://localhost/fhir", "l"), Partner("http://[::1]:9/fhir", "v6")));
        Assert.Empty(Failures(new PartnerOptions { Id = "hosp", Organization = "urn:oid:1.2|hosp", BaseUrl = "http://ehr.example.org/fhir", AllowInsecureHttp = true }));
    }

    [Fact]
    public void A_client_certificate_file_is_loaded_for_the_partner_and_a_wrong_password_is_a_clear_setting_error()
    {
        var pfx = Pfx(out var thumbprint);
        var partner = Partner("https://ehr.example.org/fhir");
        partner.ClientCertificate = pfx;
        partner.ClientCertificatePassword = Password;

        using var handler = (SocketsHttpHandler)PartnerTransport.Handler(partner);

        Assert.Equal(thumbprint, Assert.Single(handler.SslOptions.ClientCertificates!.Cast<X509Certificate2>()).Thumbprint);
        Assert.Empty(Failures(partner));
        partner.ClientCertificatePassword = "wrong";
        Assert.Contains(Failures(partner), f => f.StartsWith("Partners:0:ClientCertificate (FHIRGW_PARTNERS__0__CLIENTCERTIFICATE): the client certificate cannot be loaded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Intake_is_served_over_https_with_the_configured_certificate()
    {
        var pfx = Pfx(out var thumbprint);
        await using var gateway = await GatewayFixture.StartAsync(_folder.Path, new Uri("http://127.0.0.1:9/"), s =>
        {
            s["Http:Urls"] = "https://127.0.0.1:0";
            s["Kestrel:Certificates:Default:Path"] = pfx;
            s["Kestrel:Certificates:Default:Password"] = Password;
        });
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == thumbprint };
        using var https = new HttpClient(handler) { BaseAddress = gateway.Http.BaseAddress };

        using var response = await https.GetAsync("/health/live");

        Assert.Equal("https", gateway.Http.BaseAddress!.Scheme);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
