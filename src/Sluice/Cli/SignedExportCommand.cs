using System.CommandLine;

namespace Sluice.Cli;

/// <summary>
/// <c>sluice afd</c> and <c>sluice aej</c>: an establishment's AFD or AEJ (Arquivo Eletrônico de Jornada) and its
/// detached signature into a folder, as an auditor receives them. Both come from one production on the server
/// (<c>afd.zip</c>, <c>aej.zip</c>), so the <c>.p7s</c> always verifies against the file written beside it.
/// </summary>
internal static class SignedExportCommand
{
    public static Command Afd() => Create("afd", "AFD", fromDefault: "30 days ago");

    public static Command Aej() => Create("aej", "AEJ", fromDefault: "the first of this month");

    private static Command Create(string name, string file, string fromDefault)
    {
        var establishment = new Option<Guid>("--establishment") { Description = "The establishment's id.", Required = true };
        var from = new Option<string?>("--from") { Description = $"First day, yyyy-MM-dd in the establishment's zone (default: {fromDefault})." };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (default: today)." };
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = $"The folder to write the {file} and its .p7s into (created if missing).",
            DefaultValueFactory = _ => new DirectoryInfo("."),
        };
        var command = new Command(name, $"Write an establishment's {file} and its CAdES detached signature (.p7s) into a folder.")
        {
            establishment, from, to, output,
        };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync(name, async () =>
        {
            using var client = ServerConnection.CreateClient(result, timeout: TimeSpan.FromMinutes(10));
            var path = ServerConnection.PathWithQuery($"/api/establishments/{result.GetValue(establishment)}/{name}.zip",
                ("from", result.GetValue(from)), ("to", result.GetValue(to)));
            return await SignedZip.DownloadAsync(client, path, result.GetValue(output)!, cancellationToken);
        }));
        return command;
    }
}
