using FhirGateway.Mapping;
using FhirGateway.Runtime.Hosting;
using Microsoft.Extensions.Options;

namespace FhirGateway.Runtime.Partners;

/// <summary>The configured partners, compiled once.</summary>
public sealed class PartnerDirectory
{
    public PartnerDirectory(IOptions<GatewayOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        All = options.Value.Partners.Select(p => new Partner(p)).ToList();
    }

    public IReadOnlyList<Partner> All { get; }

    public Partner? Find(string id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));

    /// <summary>Parses <c>system|value</c>; null when either side is missing.</summary>
    public static BusinessIdentifier? ParseOrganization(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var bar = text.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || bar == text.Length - 1) return null;
        return new BusinessIdentifier(text[..bar].Trim(), text[(bar + 1)..].Trim());
    }
}
