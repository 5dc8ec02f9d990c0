using System.CommandLine;
using System.Net.Http.Headers;

namespace Sluice.Cli;

/// <summary>
/// <c>sluice espelho</c>: an employee's Espelho de Ponto (Portaria 671 Art. 84) for a month or a period, written into a
/// folder as JSON, CSV and the printable PDF, each from the server's <c>/api/employees/{id}/espelho</c>.
/// </summary>
internal static class EspelhoCommand
{
    private static readonly Dictionary<string, string> MediaTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = "application/json",
        ["csv"] = "text/csv",
        ["pdf"] = "application/pdf",
    };

    public static Command Create()
    {
        var employee = new Option<Guid>("--employee") { Description = "The employee's id (employeeInternalId).", Required = true };
        var month = new Option<string?>("--month") { Description = "The month, yyyy-MM (instead of --from/--to)." };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd in the establishment's zone (default: the 1st of this month)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (default: today, or a month after --from)." };
        var formats = new Option<string[]>("--format")
        {
            Description = "Which files: json, csv, pdf (repeat or comma-separate; default all three).",
            DefaultValueFactory = _ => ["json", "csv", "pdf"],
            AllowMultipleArgumentsPerToken = true,
        };
        formats.AcceptOnlyFromAmong([.. MediaTypes.Keys]);
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the files into (created if missing).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var command = new Command("espelho", "Write an employee's Espelho de Ponto (JSON, CSV, PDF) for a month or a period into a folder.")
        {
            employee, month, from, to, formats, output,
        };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("espelho", async () =>
        {
            using var client = ServerConnection.CreateClient(result, timeout: TimeSpan.FromMinutes(2));
            var espelho = ServerConnection.PathWithQuery($"/api/employees/{result.GetValue(employee)}/espelho",
                ("month", result.GetValue(month)), ("from", result.GetValue(from)), ("to", result.GetValue(to)));
            var folder = result.GetValue(output)!;
            folder.Create();
            foreach (var format in result.GetValue(formats)!.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, espelho);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(MediaTypes[format]));
                using var response = await client.SendAsync(request, cancellationToken);
                await ServerConnection.EnsureSuccessAsync(response, cancellationToken);

                // The server names each file; only the name is used, so no answer can write outside the folder.
                var named = response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
                var name = named is { Length: > 0 } ? Path.GetFileName(named) : $"espelho-{result.GetValue(employee)}.{format.ToLowerInvariant()}";

                var path = Path.Combine(folder.FullName, name);
                await using (var target = File.Create(path))
                {
                    await response.Content.CopyToAsync(target, cancellationToken);
                }

                Console.WriteLine(path);
            }

            return 0;
        }));
        return command;
    }
}
