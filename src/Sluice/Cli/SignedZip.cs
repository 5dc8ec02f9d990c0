using System.IO.Compression;

namespace Sluice.Cli;

/// <summary>
/// A signed export (<c>afd.zip</c>, <c>aej.zip</c>) unpacked into a folder: the file and its <c>.p7s</c> from one production
/// on the server, so the signature always verifies against the file written beside it.
/// </summary>
internal static class SignedZip
{
    public static async Task<int> DownloadAsync(HttpClient client, string uri, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        await ServerConnection.EnsureSuccessAsync(response, cancellationToken);

        folder.Create();
        await using var zip = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        foreach (var entry in archive.Entries)
        {
            // The name only: an entry can never write outside the folder it was given.
            var path = Path.Combine(folder.FullName, Path.GetFileName(entry.FullName));
            await using (var source = entry.Open())
            await using (var target = File.Create(path))
            {
                await source.CopyToAsync(target, cancellationToken);
            }

            Console.WriteLine(path);
        }

        return 0;
    }
}
