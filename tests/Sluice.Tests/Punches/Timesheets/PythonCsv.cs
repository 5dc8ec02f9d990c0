using System.Diagnostics;
using System.Text.Json;

namespace Sluice.Tests.Punches.Timesheets;

/// <summary>Reads CSV with Python's standard <c>csv</c> module, so our output is checked by a reader we did not write.</summary>
internal static class PythonCsv
{
    private const string Script = "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))";

    /// <returns>One dictionary per row after the header, column name to value.</returns>
    public static async Task<List<Dictionary<string, string>>> ReadAsync(string csv)
    {
        var start = new ProcessStartInfo("python3", ["-c", Script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        await python.StandardInput.WriteAsync(csv);
        python.StandardInput.Close();
        var output = await python.StandardOutput.ReadToEndAsync();
        var error = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();
        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python's csv module could not read the file: {error}");
        }

        return JsonSerializer.Deserialize<List<Dictionary<string, string>>>(output)!;
    }
}
