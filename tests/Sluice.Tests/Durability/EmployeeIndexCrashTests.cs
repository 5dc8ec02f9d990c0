using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Durability;

/// <summary>
/// The by-employee index trails the commit (Punches/Storage/EmployeeIndex): a SIGKILL while punches wait to be moved
/// into it loses none of them, receipts and timesheets see them before the move, and the index catches up after.
/// </summary>
public sealed class EmployeeIndexCrashTests
{
    [Fact]
    public async Task Punches_acknowledged_before_a_SIGKILL_reach_timesheets_and_receipts_and_the_index_catches_up()
    {
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(null);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Punches:EmployeeIndexInterval"] = "1.00:00:00"; // nothing moves before the kill

        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var receipts = new List<PunchReceipt>();
        var gateway = await GatewayProcess.StartAsync(settings);
        try
        {
            var establishment = await PunchRegistry.DefaultEstablishmentAsync(gateway.Client);
            await PunchRegistry.ImportEmployeesAsync(gateway.Client, establishment, ["4101"]);
            foreach (var time in new[] { "08:00", "12:00", "13:00", "17:30" })
            {
                using var response = await gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "4101", punchedAt = $"{day}T{time}:00-03:00", offline = true });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                receipts.Add((await response.Content.ReadFromJsonAsync<PunchReceipt>())!);
            }
        }
        finally
        {
            await gateway.KillAsync();
            await gateway.DisposeAsync();
        }

        Assert.Equal(4, Count(folder.File("sluice.db"), "punch_index_pending"));

        settings["Punches:EmployeeIndexInterval"] = "00:00:00.100";
        await using var restarted = await GatewayProcess.StartAsync(settings);
        var employee = receipts[0].EmployeeInternalId;

        await Eventually.UntilAsync(() => Task.FromResult(Count(folder.File("sluice.db"), "punch_index_pending")), n => n == 0,
            because: "the restarted node moves what the killed one left pending");
        Assert.Equal(4, Count(folder.File("sluice.db"), "punch_employee_punches"));

        var timesheet = await restarted.Client.GetFromJsonAsync<JsonElement>($"/api/employees/{employee}/timesheet?from={day}&to={day}");
        Assert.Equal(510, timesheet.GetProperty("workedMinutes").GetInt32());
        foreach (var receipt in receipts)
        {
            var punch = await restarted.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{receipt.Id}");
            Assert.Equal(receipt.Nsr, punch.GetProperty("nsr").GetInt64());
        }
    }

    private static long Count(string journal, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = journal, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
