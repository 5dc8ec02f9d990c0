using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Adms.Rejected;

/// <summary>What HR reads to find the device punches Sluice could not take: unknown PINs, wrong clocks, unreadable lines.</summary>
public static class RejectedLinesEndpoints
{
    public const int MaxLimit = 1_000;

    internal static async Task<Results<Ok<RejectedLinesView>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, string? serial, int? limit, EmployeeDirectory directory, RejectedLinesStore store, CancellationToken ct)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["limit"] = [$"Use 1 to {MaxLimit}."] }, title: "The query is not valid.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        var (lines, total) = await store.ListAsync(id, string.IsNullOrWhiteSpace(serial) ? null : serial.Trim(), limit ?? 100, ct);
        return TypedResults.Ok(new RejectedLinesView(total, lines));
    }
}

/// <param name="Total">How many lines are kept for the establishment (or the device asked for), of which <paramref name="Lines"/> are the newest.</param>
public sealed record RejectedLinesView(long Total, IReadOnlyList<RejectedLine> Lines);
