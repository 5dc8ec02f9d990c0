using Sluice.Punches.Ledger;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Ledger;

/// <summary>An establishment's ledger as the gateway reads it back, every record in NSR order, for tests to compare.</summary>
internal static class LedgerWalk
{
    public static async Task<List<LedgerRecord>> RecordsAsync(TestGateway gateway, Guid establishment)
    {
        var records = new List<LedgerRecord>();
        await gateway.Service<LedgerQueries>().WalkAsync(establishment, (record, _) =>
        {
            records.Add(record);
            return ValueTask.FromResult(true);
        }, CancellationToken.None);
        return records;
    }

    /// <summary>Each record's NSR, type and event code (type 6 only), e.g. <c>6:608</c>.</summary>
    public static async Task<List<string>> TypesAsync(TestGateway gateway, Guid establishment) =>
        [.. (await RecordsAsync(gateway, establishment)).Select(r => $"{r.Nsr}:{r.Type}{r.Event}")];

    /// <summary>Every field a change to the ledger would show in: NSR, type, CPF, both times and the hash.</summary>
    public static async Task<List<string>> FieldsAsync(TestGateway gateway, Guid establishment) =>
        [.. (await RecordsAsync(gateway, establishment)).Select(r => $"{r.Nsr}|{r.Type}|{r.Cpf}|{r.PunchedAt:O}|{r.RecordedAt:O}|{r.Hash}")];
}
