using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Treatment;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Espelho;

/// <summary>One worker's November 2026 for the Espelho tests, punched through the API and treated through the treatment program.</summary>
internal static class EspelhoMonth
{
    /// <summary>
    /// A contract and, in November 2026, a Monday 08:00, 12:00, a duplicate 12:01 and 17:00 (the 13:00 forgotten), then a
    /// full night from Tuesday 22:00 to 05:00. Returns the employee's id and the duplicate's NSR.
    /// </summary>
    public static async Task<(Guid Employee, long Duplicate)> NovemberAsync(TestGateway gateway, string code, string? webPin = null)
    {
        var establishment = await gateway.EstablishmentAsync();
        using (var imported = await gateway.Client.PostAsync($"/api/establishments/{establishment}/employees/import", new StringContent(
            $"code,name,cpf,webPin\n{code},Joana Prado,{PunchRegistry.CpfFor(code)},{webPin}\n", System.Text.Encoding.UTF8, "text/csv")))
        {
            imported.EnsureSuccessStatusCode();
        }

        long duplicate = 0;
        foreach (var at in new[] { "2026-11-02T08:00:00", "2026-11-02T12:00:00", "2026-11-02T12:01:00", "2026-11-02T17:00:00", "2026-11-03T22:00:00", "2026-11-04T05:00:00" })
        {
            using var response = await gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = code, punchedAt = at + "-03:00", offline = true, deviceId = "TEST-1" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var receipt = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
            duplicate = at.EndsWith("12:01:00", StringComparison.Ordinal) ? receipt.Nsr : duplicate;
        }

        var employees = await gateway.Client.GetFromJsonAsync<JsonElement>($"/api/establishments/{establishment}/employees");
        var employee = employees.EnumerateArray().Single(e => e.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
        using (var schedule = await gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/schedules",
            new ScheduleRequest("COM8", "Comercial 8h", null, [new SchedulePair("08:00", "12:00"), new SchedulePair("13:00", "17:00")], ["mon", "tue", "wed", "thu", "fri"])))
        {
            Assert.True(schedule.IsSuccessStatusCode, await schedule.Content.ReadAsStringAsync());
        }

        using (var contract = await gateway.Client.PutAsJsonAsync($"/api/employees/{employee}/contract", new ContractRequest("2024-03-01", "Auxiliar administrativo", "COM8")))
        {
            Assert.True(contract.IsSuccessStatusCode, await contract.Content.ReadAsStringAsync());
        }

        return (employee, duplicate);
    }

    public static async Task TreatAsync(TestGateway gateway, Guid employee, TreatmentRequest request)
    {
        using var response = await gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
