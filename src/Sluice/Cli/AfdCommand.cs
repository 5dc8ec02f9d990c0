using System.CommandLine;

namespace Sluice.Cli;

/// <summary>
/// <c>sluice afd</c>: an establishment's AFD and its detached signature into a folder, as an auditor receives them.
/// Both come from one production on the server (<c>afd.zip</c>), so the <c>.p7s</c> always verifies against the file
/// written beside it.
/// </summary>
internal static class AfdCommand
{
    public static Command Create()
    {
        var establishment = new Option<Guid>("--establishment") { Description = "The establishment's id.", Required = true };
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd in the establishment's zone (default: 30 days ago)." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (default: today)." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "The folder to write the AFD and its .p7s into (created if missing).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var command = new Command("afd", "Write an establishment's AFD and its CAdES detached signature (.p7s) into a folder.")
        {
            establishment, from, to, output,
        };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("afd", async () =>
        {
            using var client = ServerConnection.CreateClient(result, timeout: TimeSpan.FromMinutes(10));
            var query = SignedZip.Query(("from", result.GetValue(from)), ("to", result.GetValue(to)));
            return await SignedZip.DownloadAsync(client, $"/api/establishments/{result.GetValue(establishment)}/afd.zip?{query}",
                result.GetValue(output)!, cancellationToken);
        }));
        return command;
    }
}
