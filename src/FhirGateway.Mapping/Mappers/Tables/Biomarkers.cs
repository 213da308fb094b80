using FhirGateway.Mapping.Ig;

namespace FhirGateway.Mapping.Mappers.Tables;

/// <summary>A unit a biomarker may be reported in: its UCUM code and how it reads.</summary>
internal sealed record BiomarkerUnit(string Code, string Display);

/// <summary>One biomarker of the panel: its key in the record, its code, its name and the units it allows.</summary>
internal sealed record Biomarker(string Key, string System, string Code, string Name, IReadOnlyList<BiomarkerUnit> Units);

/// <summary>
/// The programme's biomarkers (ValueSet biomarker-codes) and the units each allows - the same table the invariant
/// clinic-bmk-1 of the biomarker result profile enforces.
/// </summary>
internal static class Biomarkers
{
    private static readonly BiomarkerUnit MgL = new("mg/L", "mg/L");
    private static readonly BiomarkerUnit PgMl = new("pg/mL", "pg/mL");
    private static readonly BiomarkerUnit NgL = new("ng/L", "ng/L");
    private static readonly BiomarkerUnit NgMl = new("ng/mL", "ng/mL");
    private static readonly BiomarkerUnit UmolL = new("umol/L", "µmol/L");

    public static readonly IReadOnlyList<Biomarker> All =
    [
        new("crp", ClinicIg.Standard.Loinc, "1988-5", "C-reactive protein (CRP)", [MgL]),
        new("hs-crp", ClinicIg.Standard.Loinc, "30522-7", "High-sensitivity C-reactive protein (hs-CRP)", [MgL]),
        new("il-6", ClinicIg.Standard.Loinc, "26881-3", "Interleukin-6 (IL-6)", [PgMl]),
        new("tnf-alpha", ClinicIg.Standard.Loinc, "3074-2", "Tumour necrosis factor alpha (TNF-α)", [PgMl]),
        new("nfl-serum", ClinicIg.Standard.Loinc, "101281-4", "Neurofilament light chain, serum (NfL)", [PgMl, NgL]),
        new("nfl-csf", ClinicIg.Concepts, "nfl-csf", "Neurofilament light chain, CSF (NfL)", [PgMl, NgL]),
        new("8-ohdg", ClinicIg.Concepts, "8-ohdg", "8-hydroxy-2'-deoxyguanosine (8-OHdG)", [NgMl]),
        new("mda", ClinicIg.Concepts, "mda", "Malondialdehyde (MDA)", [UmolL]),
    ];

    public static readonly IReadOnlyList<string> Keys = [.. All.Select(b => b.Key)];

    public static Biomarker ByKey(string key) => All.First(b => b.Key == key);
}
