using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Timesheets;

/// <summary>Reads CSV with Python's standard <c>csv</c> module, so our output is checked by a reader we did not write.</summary>
internal static class PythonCsv
{
    private const string Script = "import csv, json, sys; print(json.dumps(list(csv.DictReader(sys.stdin))))";

    /// <returns>One dictionary per row after the header, column name to value.</returns>
    public static async Task<List<Dictionary<string, string>>> ReadAsync(string csv)
    {
        var python = await ExternalTool.RunAsync(ExternalTool.Require("python3", "python3"), ["-c", Script], input: csv);
        if (python.ExitCode != 0)
        {
            throw new InvalidOperationException($"Python's csv module could not read the file: {python.StandardError}");
        }

        return JsonSerializer.Deserialize<List<Dictionary<string, string>>>(python.StandardOutput)!;
    }
}
