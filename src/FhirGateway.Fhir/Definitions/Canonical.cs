namespace FhirGateway.Fhir.Definitions;

/// <summary>Splits canonical references (<c>url|version</c>) and orders versions (numeric parts numerically).</summary>
public static class Canonical
{
    /// <summary>Splits at the last <c>|</c> (a few v2 code system URLs contain one themselves).</summary>
    public static (string Url, string? Version) Split(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var bar = canonical.LastIndexOf('|');
        return bar < 0 ? (canonical, null) : (canonical[..bar], bar + 1 < canonical.Length ? canonical[(bar + 1)..] : null);
    }

    /// <summary>Orders versions: missing first, then dot-separated parts, numeric parts by value, others ordinally.</summary>
    public static int CompareVersions(string? a, string? b)
    {
        if (a is null || b is null) return a is null ? (b is null ? 0 : -1) : 1;
        var pa = a.Split('.');
        var pb = b.Split('.');
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var c = long.TryParse(pa[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var na)
                    && long.TryParse(pb[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var nb)
                ? na.CompareTo(nb)
                : string.CompareOrdinal(pa[i], pb[i]);
            if (c != 0) return c;
        }
        return pa.Length.CompareTo(pb.Length);
    }
}
