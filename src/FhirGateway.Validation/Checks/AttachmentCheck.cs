using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Checks;

/// <summary>Attachment.size is "the number of bytes of data that make up this attachment": when both are given, the decoded data must have that size.</summary>
internal sealed class AttachmentCheck : IElementCheck
{
    public static readonly AttachmentCheck Instance = new();

    public CheckResult Validate(ElementNode node, ValidationRun run)
    {
        if (node.Child("size")?.Text is not { } sizeText || !long.TryParse(sizeText, out var size) || DataLength(node) is not { } actual) return CheckResult.Success;
        return size == actual ? CheckResult.Success : CheckResult.Of(IssueAt.Node(IssueCatalogue.ValAttachmentSize, node, size, actual));
    }

    /// <summary>The number of bytes the attachment's base64 data decodes to; null without data or when it is not base64 (reported by the base64Binary rules).</summary>
    public static long? DataLength(ElementNode attachment)
    {
        if (attachment.Child("data")?.Text is not { } data) return null;
        var compact = string.Concat(data.Where(c => !char.IsWhiteSpace(c)));
        var buffer = new byte[compact.Length * 3 / 4 + 3];
        return Convert.TryFromBase64String(compact, buffer, out var written) ? written : null;
    }
}
