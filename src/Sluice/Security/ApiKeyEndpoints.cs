using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Security;

public static class ApiKeyEndpoints
{
    public const int MaxNameLength = 100;

    internal static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest? request, IApiKeyStore keys, IEstablishments establishments, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request?.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            errors["name"] = [$"1 to {MaxNameLength} printable characters."];
        }

        if (request?.Kind is not { } kind || !ApiKeyKinds.All.Contains(kind))
        {
            errors["kind"] = [$"One of: {string.Join(", ", ApiKeyKinds.All)}."];
        }

        string? establishment = null;
        if (!string.IsNullOrWhiteSpace(request?.EstablishmentId))
        {
            if (Guid.TryParse(request.EstablishmentId.Trim(), out var establishmentId) && await establishments.ExistsAsync(establishmentId, cancellationToken))
            {
                establishment = establishmentId.ToString();
            }
            else
            {
                errors["establishmentId"] = ["The id of a registered establishment (GET /api/establishments), or leave it out."];
            }
        }

        if (request?.ResponsibleCpf is { } cpf && !Punches.Registry.BrazilianDocuments.IsCpf(cpf))
        {
            errors["responsibleCpf"] = ["Not a valid CPF (11 digits with valid check digits), or leave it out."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The API key request is not valid; no key was created.");
        }

        var secret = ApiKeySecret.Create();
        var responsible = request!.ResponsibleCpf is null ? null : Punches.Registry.BrazilianDocuments.Digits(request.ResponsibleCpf);
        var record = new ApiKeyRecord(
            Guid.CreateVersion7(), name!, request.Kind!, establishment, ApiKeySecret.Hash(secret), time.GetUtcNow(), null, responsible);
        await keys.AddAsync(record, cancellationToken);
        return TypedResults.Created(
            $"/api/keys/{record.Id}",
            new CreatedApiKey(record.Id, record.Name, record.Kind, record.EstablishmentId, record.CreatedAt, secret) { ResponsibleCpf = responsible });
    }

    internal static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(IApiKeyStore keys, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ApiKeyView>>([.. (await keys.ListAsync(cancellationToken)).Select(ApiKeyView.From)]);

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        Guid id, IApiKeyStore keys, TimeProvider time, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(id, time.GetUtcNow(), cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No active API key with this id.");
}
