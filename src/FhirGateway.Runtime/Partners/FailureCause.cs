using System.Globalization;
using System.Net.Sockets;

namespace FhirGateway.Runtime.Partners;

/// <summary>
/// Why a call to a partner failed, in words an operator reads without the logs: <c>connection refused by
/// 127.0.0.1:5089</c>, <c>timeout after 30 s</c>, the partner's status line (<c>503 Service Unavailable</c>).
/// Names hosts and ports only, never content.
/// </summary>
public static class FailureCause
{
    public static string StatusLine(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        return string.IsNullOrWhiteSpace(response.ReasonPhrase) ? code : $"{code} {response.ReasonPhrase}";
    }

    public static string Timeout(TimeSpan timeout) =>
        $"timeout after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";

    public static string CircuitOpen(Partner partner)
    {
        ArgumentNullException.ThrowIfNull(partner);
        return $"circuit open for {partner.Id}: recent calls failed, so none is made until it closes";
    }

    public static string Connection(HttpRequestException e, Uri? uri)
    {
        ArgumentNullException.ThrowIfNull(e);
        var endpoint = uri is null ? "the partner" : $"{uri.Host}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        var socket = e.InnerException as SocketException ?? e.InnerException?.InnerException as SocketException;
        return socket?.SocketErrorCode switch
        {
            SocketError.ConnectionRefused => $"connection refused by {endpoint}",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => $"host {uri?.Host} not found",
            SocketError.TimedOut => $"connecting to {endpoint} timed out",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => $"{endpoint} is unreachable",
            SocketError.ConnectionReset => $"connection reset by {endpoint}",
            _ => e.HttpRequestError switch
            {
                HttpRequestError.NameResolutionError => $"host {uri?.Host} not found",
                HttpRequestError.SecureConnectionError => $"TLS handshake with {endpoint} failed",
                HttpRequestError.ResponseEnded => $"{endpoint} closed the connection before answering",
                HttpRequestError.InvalidResponse => $"{endpoint} sent an answer that is not HTTP",
                _ => $"connection to {endpoint} failed ({e.HttpRequestError})",
            },
        };
    }
}
