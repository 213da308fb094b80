using FhirGateway.Fhir.Issues;
using FhirGateway.Fhir.Model;
using FhirGateway.Validation.Results;
using FhirGateway.Validation.Schema;

namespace FhirGateway.Validation.Resources.Questionnaires;

/// <summary>
/// A QuestionnaireResponse answers its Questionnaire (https://hl7.org/fhir/R4/questionnaireresponse.html): the
/// Questionnaire is found (contained <c>#id</c>, or by canonical through the resolver) and the response's items
/// and answers are checked against its items. The Questionnaire decides; an unknown one is a warning.
/// </summary>
internal sealed class QuestionnaireResponseRule : IResourceRule
{
    public bool AppliesTo(ElementNode resource) => resource.InstanceType == "QuestionnaireResponse" && resource.Child("questionnaire")?.Text is not null;

    public CheckResult Validate(ElementNode resource, ValidationRun run)
    {
        var reference = resource.Child("questionnaire")!;
        var questionnaire = Find(resource, reference.Text!, run);
        if (questionnaire is null) return CheckResult.Of(IssueAt.Node(IssueCatalogue.ValQrQuestionnaireUnknown, reference, reference.Text));
        var status = resource.Child("status")?.Text;
        var walker = new ItemWalker(run, resource, completed: status is "completed" or "amended");
        walker.Walk(resource, new QuestionnaireItem(questionnaire).Items, new QuestionnaireItem(questionnaire));
        return walker.Result;
    }

    private static ElementNode? Find(ElementNode response, string canonical, ValidationRun run)
    {
        if (canonical.StartsWith('#'))
            return response.ChildrenWithName("contained").FirstOrDefault(c => c.InstanceType == "Questionnaire" && c.Child("id")?.Text == canonical[1..]);
        var found = run.Options.Resolver?.Invoke(canonical);
        return found?.InstanceType == "Questionnaire" ? found : null;
    }
}
