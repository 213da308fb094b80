namespace FhirGateway.Runtime.Inbound;

/// <summary>
/// Gap detection of the Subscriptions Backport: events are numbered from 1 per subscription, so a notification whose
/// first event is beyond the last one seen plus one, or an <c>eventsSinceSubscriptionStart</c> (heartbeats carry it
/// too) beyond the highest event seen, means events were missed.
/// </summary>
public static class EventGap
{
    /// <summary>True when events between <paramref name="lastSeen"/> and what this notification says were missed.</summary>
    public static bool Detect(long lastSeen, long? firstEvent, long? highestEvent, long? eventsSinceStart)
    {
        if (firstEvent is { } first && first > lastSeen + 1) return true;
        var highest = Math.Max(lastSeen, highestEvent ?? 0);
        return eventsSinceStart is { } since && since > highest;
    }

    /// <summary>The last event seen after this notification.</summary>
    public static long Advance(long lastSeen, long? highestEvent, long? eventsSinceStart) =>
        Math.Max(lastSeen, Math.Max(highestEvent ?? 0, eventsSinceStart ?? 0));
}
