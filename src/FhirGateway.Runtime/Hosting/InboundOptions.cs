namespace FhirGateway.Runtime.Hosting;

/// <summary>How the gateway learns what a partner's team records about programme patients.</summary>
public enum InboundMode
{
    /// <summary>It does not (the default).</summary>
    None,
    /// <summary>It searches each type with <c>_lastUpdated</c> from a durable cursor, every <see cref="PartnerInboundOptions.PollInterval"/>.</summary>
    Poll,
    /// <summary>The partner notifies the gateway (R4 Subscriptions Backport, rest-hook); gaps are recovered by searching as in Poll.</summary>
    Subscription,
}

/// <summary><c>Partners:N:Inbound</c>: one partner's inbound settings.</summary>
public sealed class PartnerInboundOptions
{
    public InboundMode Mode { get; set; } = InboundMode.None;

    /// <summary>The resource types the gateway follows at the partner.</summary>
    public List<string> Types { get; set; } = [];

    /// <summary>How often a Poll partner is searched (and how often a Subscription partner's pending recovery is looked at).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Each search starts this long before the cursor, so a resource the partner commits late (clock skew, long transactions) is still seen; repeats are recognised.</summary>
    public TimeSpan PollOverlap { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Resources per search page (<c>_count</c>).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Where the first search starts; none for everything the partner lets the gateway read.</summary>
    public DateTimeOffset? Since { get; set; }

    /// <summary>The token the partner's notifications carry (<c>Authorization: Bearer …</c>, set in its Subscription's <c>channel.header</c>). Required for Subscription.</summary>
    public string? NotificationToken { get; set; }

    /// <summary>The partner's Subscription id; when set, notifications naming another subscription are refused.</summary>
    public string? SubscriptionId { get; set; }

    /// <summary>The types followed when <see cref="Types"/> is empty: what a neurology team records about a patient.</summary>
    public static readonly IReadOnlyList<string> DefaultTypes =
        ["Observation", "Condition", "MedicationStatement", "MedicationRequest", "CarePlan", "AdverseEvent"];

    public IReadOnlyList<string> EffectiveTypes => Types.Count == 0 ? DefaultTypes : Types;
}

/// <summary><c>Inbound</c>: where the clinic finds what came in.</summary>
public sealed class InboundOptions
{
    /// <summary>The outbox folder; empty for <c>{Data}/outbox</c>.</summary>
    public string? Outbox { get; set; }

    /// <summary>How often the outbox writer looks for updates not yet written.</summary>
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most items one <c>GET /inbound</c> page returns.</summary>
    public int FeedPageSize { get; set; } = 100;

    public static string OutboxFolder(GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Inbound.Outbox) ? Path.Combine(options.DataFolder, "outbox") : Path.GetFullPath(options.Inbound.Outbox);
    }
}
