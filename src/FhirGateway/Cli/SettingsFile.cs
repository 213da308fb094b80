using System.Text.Json;
using FhirGateway.Fhir.Serialization.Json;
using FhirGateway.Runtime.Hosting;

namespace FhirGateway.Cli;

/// <summary>
/// Checks the settings file a command will read (<c>--config</c>, else <c>FHIRGW_CONFIG</c>, else an existing
/// <c>./appsettings.json</c>) before the configuration is built, so that a missing file, a folder, an unreadable
/// file or bad JSON is one sentence naming the file (and line and column), not a .NET exception's text.
/// </summary>
internal static class SettingsFile
{
    public static string? Path(string? config)
    {
        var file = config ?? Environment.GetEnvironmentVariable(GatewayConfiguration.EnvironmentPrefix + "CONFIG");
        if (!string.IsNullOrWhiteSpace(file)) return file;
        var local = System.IO.Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        return File.Exists(local) ? local : null;
    }

    /// <summary>Why the file cannot serve as settings; null when it can (or there is none).</summary>
    public static string? Problem(string? config)
    {
        var file = Path(config);
        if (file is null) return null;
        if (Directory.Exists(file)) return $"the settings file {file} is a folder; give a JSON file";
        if (!File.Exists(file)) return $"the settings file {file} does not exist";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (UnauthorizedAccessException)
        {
            return $"the settings file {file} cannot be read: permission denied";
        }
        catch (IOException e)
        {
            return $"the settings file {file} cannot be read ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)})";
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return $"the settings file {file} must hold a JSON object ({{ \"Partners\": [...] }}), found {Kind(doc.RootElement.ValueKind)}";
        }
        catch (JsonException e)
        {
            return $"the settings file {file} is not valid JSON at line {(e.LineNumber ?? 0) + 1}, column {(e.BytePositionInLine ?? 0) + 1}: {JsonErrorText.Reason(e).TrimEnd('.')}";
        }
        return null;
    }

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a " + kind.ToString().ToLowerInvariant(),
    };
}
