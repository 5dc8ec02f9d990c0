using System.Buffers;
using System.Text.Json;
using Sluice.Journal;
using Sluice.Journal.Relational;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>
/// Punch ledger rows as one JSON array of arrays, in the column order of <see cref="SqliteLedgerInsert"/>.
/// UTF-8 bytes, to be bound as a blob and read with <c>CAST(… AS TEXT)</c>.
/// </summary>
internal static class LedgerRowsJson
{
    public static byte[] Write(IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers)
    {
        var buffer = new ArrayBufferWriter<byte>(punches.Count * 400 + 2);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { SkipValidation = true }))
        {
            json.WriteStartArray();
            for (var n = 0; n < punches.Count; n++)
            {
                var (index, draft) = punches[n];
                json.WriteStartArray();
                JsonRowIds.Write(json, draft.EstablishmentId);
                json.WriteNumberValue(numbers[n].Nsr);
                JsonRowIds.Write(json, messages[index].Id);
                JsonRowIds.Write(json, draft.EmployeeId);
                json.WriteStringValue(draft.Cpf);
                json.WriteStringValue(LedgerTimes.Format(draft.PunchedAt));
                json.WriteNumberValue(LedgerTimes.Ms(draft.PunchedAt));
                json.WriteStringValue(LedgerTimes.Format(draft.RecordedAt));
                json.WriteNumberValue(LedgerTimes.Ms(draft.RecordedAt));
                json.WriteNumberValue((int)draft.Collector);
                json.WriteNumberValue(draft.Offline ? 1 : 0);
                json.WriteStringValue(numbers[n].Hash);
                if (draft.DeviceId is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    json.WriteStringValue(draft.DeviceId);
                }

                json.WriteEndArray();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
