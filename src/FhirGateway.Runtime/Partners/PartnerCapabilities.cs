using System.Collections.Concurrent;
using System.Text.Json;
using FhirGateway.Mapping.Bundles;
using FhirGateway.Runtime.Store;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// What the gateway knows of each partner when it delivers: its CapabilityStatement (read from <c>/metadata</c>, kept
/// a while, read again later; a partner that does not answer is taken as plain R4 for now), its configured limits
/// and the transaction size limit learned from its refusals (the smaller of configured and learned applies).
/// </summary>
public sealed class PartnerCapabilities(PartnerClient client, IPartnerStateStore state, TimeProvider time)
{
    private static readonly TimeSpan KeepAnswer = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan KeepNoAnswer = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (CapabilityStatementInfo? Info, DateTimeOffset Until)> _statements = new(StringComparer.Ordinal);

    /// <summary>The partner's CapabilityStatement, or null when it gave none readable.</summary>
    public async Task<CapabilityStatementInfo?> StatementAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var now = time.GetUtcNow();
        if (_statements.TryGetValue(partner.Id, out var cached) && cached.Until > now) return cached.Info;
        var answer = await client.GetCapabilitiesAsync(partner, cancellationToken);
        var info = answer.StatusCode is >= 200 and < 300 ? TryRead(answer.Body) : null;
        _statements[partner.Id] = (info, now + (info is null ? KeepNoAnswer : KeepAnswer));
        return info;
    }

    /// <summary>How to write transactions for the partner now.</summary>
    public async Task<PartnerSupport> SupportAsync(Partner partner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partner);
        var info = await StatementAsync(partner, cancellationToken);
        var learned = await state.GetLearnedLimitAsync(partner.Id, cancellationToken);
        return new PartnerSupport
        {
            MaxTransactionEntries = Smaller(partner.MaxTransactionEntries, learned?.MaxEntries),
            ConditionalReferences = partner.ConditionalReferences,
            SearchParameters = info?.SearchParametersByType() ?? PartnerSupport.Unknown.SearchParameters,
            UpdateCreate = info?.Resources.Values.Where(r => r.UpdateCreate).Select(r => r.Type).ToHashSet(StringComparer.Ordinal) ?? PartnerSupport.Unknown.UpdateCreate,
        };
    }

    private static int? Smaller(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static CapabilityStatementInfo? TryRead(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var info = CapabilityStatementInfo.Read(doc.RootElement);
            return info.IsCapabilityStatement ? info : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
