using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sluice.Docs;

/// <summary>
/// What each tag of the document groups, for the reference's navigation. A tag with no line here fails the OpenAPI
/// lint test (Docs/OpenApiLintTests), so a new tag is described when it is added.
/// </summary>
internal sealed class TagsTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["Punches"] = "Punches from apps, browsers, devices and batches: stored with their NSR and hash before the 202, then delivered to the legacy system at its pace.",
        ["Receipts"] = "The worker's receipt of each punch (Portaria 671, Art. 79): HTML, JSON or a signed PDF.",
        ["Registry"] = "Establishments, employees and ADMS devices: the register punches are checked against; each change is an AFD record.",
        ["Ledger"] = "The punch ledger's NSR sequence and hash chain, and their verification.",
        ["Treatment"] = "The treatment program: contractual schedules, contracts and treated markings, kept beside a ledger that never changes.",
        ["Exports"] = "Legal files and reports: the AFD and the AEJ with their CAdES signatures, timesheets and the Espelho de Ponto.",
        ["Signing"] = "The certificate that signs the AFD, the AEJ and the receipts, for checking their signatures.",
        ["Orders"] = "Orders stored before the 202 and processed by the order system at its pace; their status and its answer.",
        ["Store-first requests"] = "Requests to the routes Sluice stores first (Facade:Routes): their delivery state and the legacy system's answer.",
        ["Destinations"] = "Each destination's backlog, live limit and circuit; pausing and resuming sends.",
        ["Dead letters"] = "Messages a destination gave up on: listed with their last error, replayed or discarded.",
        ["API keys"] = "Keys for devices, apps and order systems: created, listed and revoked.",
        ["Dashboard"] = "The operator's live view of intake and delivery.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
