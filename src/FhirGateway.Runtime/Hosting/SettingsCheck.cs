using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace FhirGateway.Runtime.Hosting;

/// <summary>
/// Reads every setting's text against the type of the option it binds to, before binding, so that a value that cannot
/// be converted is a named problem (<c>Delivery:BaseDelay (FHIRGW_DELIVERY__BASEDELAY): 'ten seconds' is not a
/// duration…</c>) rather than an exception. Durations must be written with their unit, as <c>[d.]hh:mm[:ss[.fff]]</c>:
/// a bare number (<c>"10"</c>, which .NET would read as ten days) is refused. Also lists the keys no option knows.
/// </summary>
public static partial class SettingsCheck
{
    /// <summary>Sections that are not gateway options (read by the host itself).</summary>
    private static readonly string[] HostSections = ["Logging", "CONFIG"];

    /// <summary>Every problem, each naming the key and its environment variable.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        Walk(typeof(GatewayOptions), configuration, "", (key, type, value) =>
        {
            if (Problem(type, value) is { } problem) problems.Add($"{GatewayOptionsValidator.Setting(key)}: {problem}");
        }, _ => { });
        return problems;
    }

    /// <summary>Keys given that no option binds (a typo such as <c>Delivery:BaseDelai</c>).</summary>
    public static IReadOnlyList<string> UnknownKeys(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var known = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Walk(typeof(GatewayOptions), configuration, "", (key, _, _) => known.Add(key), key => sections.Add(key));
        return configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !known.Contains(kv.Key) && !sections.Contains(kv.Key))
            .Select(kv => kv.Key)
            .Where(k => !HostSections.Any(h => k.Equals(h, StringComparison.OrdinalIgnoreCase) || k.StartsWith(h + ":", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>Every option's key, lists with index <c>0</c> (<c>Partners:0:Auth:Mode</c>): what a documented example must cover.</summary>
    public static IReadOnlyList<string> AllKeys()
    {
        var keys = new List<string>();
        Collect(typeof(GatewayOptions), "", keys);
        return keys;
    }

    private static void Collect(Type type, string prefix, List<string> keys)
    {
        foreach (var p in Properties(type))
        {
            var key = prefix + p.Name;
            if (IsScalar(p.PropertyType)) keys.Add(key);
            else if (ItemType(p.PropertyType) is { } item)
            {
                if (IsScalar(item)) keys.Add(key + ":0");
                else Collect(item, key + ":0:", keys);
            }
            else Collect(p.PropertyType, key + ":", keys);
        }
    }

    private static void Walk(Type type, IConfiguration section, string prefix, Action<string, Type, string?> leaf, Action<string> container)
    {
        foreach (var p in Properties(type))
        {
            var key = prefix + p.Name;
            var child = section.GetSection(p.Name);
            if (IsScalar(p.PropertyType))
            {
                leaf(key, p.PropertyType, child.Value);
                continue;
            }
            container(key);
            if (ItemType(p.PropertyType) is { } item)
                foreach (var element in child.GetChildren())
                {
                    var at = $"{key}:{element.Key}";
                    if (IsScalar(item)) leaf(at, item, element.Value);
                    else
                    {
                        container(at);
                        Walk(item, element, at + ":", leaf, container);
                    }
                }
            else Walk(p.PropertyType, child, key + ":", leaf, container);
        }
    }

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetSetMethod() is not null);

    private static Type? ItemType(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(TimeSpan) || t == typeof(decimal) || t == typeof(Uri)
            || t == typeof(DateTimeOffset) || t == typeof(DateTime) || t == typeof(Guid);
    }

    /// <summary>Why a setting's text cannot be its option's value; null when it can (or is not given).</summary>
    public static string? Problem(Type type, string? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is null) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string) || t == typeof(Uri)) return null;
        var text = value.Trim();
        if (text.Length == 0) return Nullable.GetUnderlyingType(type) is not null ? null : $"is empty; give a {Describe(t)}";
        if (t == typeof(TimeSpan))
            return Duration().IsMatch(text) && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _)
                ? null
                : $"'{value}' is not a duration; write it as hh:mm:ss (00:00:10 for ten seconds, 1.00:00:00 for a day): a number without a unit is refused";
        if (t == typeof(int)) return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a whole number";
        if (t == typeof(long)) return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a whole number";
        if (t == typeof(double) || t == typeof(decimal))
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? null : $"'{value}' is not a number (use '.' for decimals)";
        if (t == typeof(bool)) return bool.TryParse(text, out _) ? null : $"'{value}' is not true or false";
        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) ? null : $"'{value}' is not a date and time (2026-12-01T08:00:00Z)";
        if (t.IsEnum)
            return !char.IsAsciiDigit(text[0]) && text[0] != '-' && Enum.TryParse(t, text, ignoreCase: true, out _)
                ? null
                : $"'{value}' is not one of {string.Join(", ", Enum.GetNames(t))}";
        return null;
    }

    private static string Describe(Type t) =>
        t == typeof(TimeSpan) ? "duration (hh:mm:ss)" : t == typeof(bool) ? "true or false" : t.IsEnum ? string.Join(" or ", Enum.GetNames(t)) : "number";

    [GeneratedRegex(@"^-?(\d+\.)?\d{1,2}:\d{2}(:\d{2}(\.\d{1,7})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
