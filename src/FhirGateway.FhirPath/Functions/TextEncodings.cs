using System.Net;
using System.Text;
using System.Text.Json;
using FhirGateway.FhirPath.Evaluation;

namespace FhirGateway.FhirPath.Functions;

/// <summary>The encodings of encode()/decode() (base64, urlbase64, hex) and escape()/unescape() (html, json).</summary>
internal static class TextEncodings
{
    public static string? Encode(string s, string encoding)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(s);
        return encoding switch
        {
            "base64" => Convert.ToBase64String(bytes),
            "urlbase64" => Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_'),
            "hex" => Convert.ToHexStringLower(bytes),
            _ => throw new EvaluationError($"Unknown encoding '{encoding}'"),
        };
    }

    public static string? Decode(string s, string encoding)
    {
        try
        {
            var bytes = encoding switch
            {
                "base64" => Convert.FromBase64String(s),
                "urlbase64" => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/')),
                "hex" => Convert.FromHexString(s),
                _ => throw new EvaluationError($"Unknown encoding '{encoding}'"),
            };
            return System.Text.Encoding.UTF8.GetString(bytes);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string? Escape(string s, string target) => target switch
    {
        "html" => WebUtility.HtmlEncode(s).Replace("&#39;", "&#39;", StringComparison.Ordinal),
        "json" => JsonEncodedText.Encode(s, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString(),
        _ => throw new EvaluationError($"Unknown escape target '{target}'"),
    };

    public static string? Unescape(string s, string target)
    {
        switch (target)
        {
            case "html": return WebUtility.HtmlDecode(s);
            case "json": return UnescapeJson(s);
            default: throw new EvaluationError($"Unknown escape target '{target}'");
        }
    }



    /// <summary>Undoes JSON string escapes (<c>\" \\ \/ \b \f \n \r \t \uXXXX</c>); other text is kept as is.</summary>
    private static string? UnescapeJson(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            var e = s[++i];
            switch (e)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(e); break;
            }
        }
        return sb.ToString();
    }
}
