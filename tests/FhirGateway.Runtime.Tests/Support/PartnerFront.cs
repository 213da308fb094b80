using System.Net.Http.Headers;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace FhirGateway.Runtime.Tests.Support;

/// <summary>What the front does with one transaction POST (numbered from 1): pass the partner's answer, or a scripted fault.</summary>
public enum FrontAction
{
    Pass,
    /// <summary>The partner commits the transaction, but the gateway gets a 504 instead of its answer.</summary>
    LoseAnswer,
    /// <summary>A 429 with Retry-After: 1, without passing the request on.</summary>
    TooManyRequests,
    /// <summary>The connection is reset, without passing the request on.</summary>
    Reset,
    /// <summary>A 413 with the front's refusal (an OperationOutcome), without passing the request on.</summary>
    Refuse413,
}

/// <summary>
/// WireMock.Net on 127.0.0.1 in front of a real FHIR server: GETs are proxied, each transaction POST is passed on or
/// given the fault the script names for its number (a commit whose answer is lost, a 429, a reset).
/// </summary>
public sealed class PartnerFront : IDisposable
{
    private readonly WireMockServer _server;
    private readonly HttpClient _partner;
    private readonly Func<int, string, FrontAction> _script;
    private int _posts;

    private readonly string _refusal;

    public PartnerFront(Uri partnerBase, Func<int, string, FrontAction> script, string refusal = "")
    {
        _script = script;
        _refusal = refusal;
        _partner = new HttpClient { BaseAddress = new Uri(partnerBase.GetLeftPart(UriPartial.Authority)) };
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        _server.Given(Request.Create().UsingGet()).AtPriority(10).RespondWith(Response.Create().WithProxy(partnerBase.GetLeftPart(UriPartial.Authority)));
        _server.Given(Request.Create().UsingPost()).AtPriority(1).RespondWith(Response.Create().WithCallback(PostAsync));
        BaseUrl = new Uri(new Uri(_server.Urls[0]), partnerBase.AbsolutePath);
    }

    public Uri BaseUrl { get; }

    /// <summary>How many transaction POSTs reached the front, and how many of their answers it lost.</summary>
    public int Posts => Volatile.Read(ref _posts);

    public int Lost { get; private set; }

    private async Task<IResponseMessage> PostAsync(IRequestMessage request)
    {
        var n = Interlocked.Increment(ref _posts);
        var body = request.BodyAsBytes ?? [];
        var action = _script(n, System.Text.Encoding.UTF8.GetString(body));
        switch (action)
        {
            case FrontAction.TooManyRequests:
                var busy = new ResponseMessage { StatusCode = 429 };
                busy.AddHeader("Retry-After", "1");
                return busy;
            case FrontAction.Refuse413:
                var refused = new ResponseMessage { StatusCode = 413, BodyData = new BodyData { BodyAsString = _refusal, DetectedBodyType = BodyType.String } };
                refused.AddHeader("Content-Type", "application/fhir+json");
                return refused;
            case FrontAction.Reset:
                return new ResponseMessage { StatusCode = 200, FaultType = FaultType.EMPTY_RESPONSE };
        }
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/fhir+json");
        using var answer = await _partner.PostAsync(request.AbsolutePath, content);
        var bytes = await answer.Content.ReadAsByteArrayAsync();
        if (action == FrontAction.LoseAnswer)
        {
            Lost++;
            return new ResponseMessage { StatusCode = 504 };
        }
        var message = new ResponseMessage
        {
            StatusCode = (int)answer.StatusCode,
            BodyData = new BodyData { BodyAsBytes = bytes, DetectedBodyType = BodyType.Bytes },
        };
        message.AddHeader("Content-Type", "application/fhir+json");
        return message;
    }

    public void Dispose()
    {
        _server.Stop();
        _server.Dispose();
        _partner.Dispose();
    }
}
