namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>One ALSFRS-R item: its key in the record, its LOINC code and its name.</summary>
internal sealed record AlsfrsItem(string Key, string Loinc, string Name);

/// <summary>
/// The 12 ALSFRS-R items in scale order. Item 5 (cutting food) has two LOINC codes, chosen by the record's
/// <c>gastrostomy</c> flag. Codes other than 82940-8, 82941-6, 82944-0 and 82948-1 are inferred, not verified
/// (see profiles/ValueSet-als-frs-r-items.json).
/// </summary>
internal static class AlsfrsItems
{
    public const string TotalLoinc = "82953-1";
    public const string CuttingFood = "cuttingFood";
    public const string CuttingFoodWithoutGastrostomy = "82944-0";
    public const string CuttingFoodWithGastrostomy = "82945-7";

    public static readonly IReadOnlyList<AlsfrsItem> All =
    [
        new("speech", "82940-8", "Speech"),
        new("salivation", "82941-6", "Salivation"),
        new("swallowing", "82942-4", "Swallowing"),
        new("handwriting", "82943-2", "Handwriting"),
        new(CuttingFood, CuttingFoodWithoutGastrostomy, "Cutting food and handling utensils"),
        new("dressing", "82946-5", "Dressing and hygiene"),
        new("turningInBed", "82947-3", "Turning in bed"),
        new("walking", "82948-1", "Walking"),
        new("climbingStairs", "82949-9", "Climbing stairs"),
        new("dyspnea", "82950-7", "Dyspnea"),
        new("orthopnea", "82951-5", "Orthopnea"),
        new("respiratoryInsufficiency", "82952-3", "Respiratory insufficiency"),
    ];

    public static string LoincOf(AlsfrsItem item, bool gastrostomy) =>
        item.Key == CuttingFood && gastrostomy ? CuttingFoodWithGastrostomy : item.Loinc;
}
