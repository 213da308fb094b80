namespace FhirGateway.Runtime.Store;

/// <summary>Where a record stands in the pipeline.</summary>
public static class RecordStates
{
    public const string Waiting = "waiting";
    public const string Routed = "routed";
    public const string Parked = "parked";
}

/// <summary>Where a delivery to one partner stands.</summary>
public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Leased = "leased";
    public const string Delivered = "delivered";
    public const string Parked = "parked";
    public const string Held = "held";
}

/// <summary>Why a delivery is held.</summary>
public static class HoldReasons
{
    public const string NoConsent = "no-consent";
}
