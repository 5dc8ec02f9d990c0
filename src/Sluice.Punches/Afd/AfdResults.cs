using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Afd;

/// <summary>The AFD as an HTTP response: streamed as it is written, as a download under the regulation's file name.</summary>
internal static class AfdResults
{
    /// <param name="header">The file's header.</param>
    /// <param name="entriesInNsrOrder">Read lazily while the response is written; never all in memory.</param>
    /// <param name="cancellationToken">The request's token: a client that goes away stops the read.</param>
    public static PushStreamHttpResult File(AfdHeader header, IAsyncEnumerable<AfdEntry> entriesInNsrOrder, CancellationToken cancellationToken) =>
        TypedResults.Stream(
            body => AfdWriter.WriteAsync(body, header, entriesInNsrOrder, cancellationToken),
            AfdWriter.ContentType,
            AfdFileName.For(header.Inpi, header.EmployerDocument));
}
