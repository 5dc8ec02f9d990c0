using System.IO.Compression;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Signing;

/// <summary>A file and its detached CAdES signature (<c>.p7s</c>) in one zip, as vendors hand out the AFD and the AEJ.</summary>
internal static class SignedZip
{
    public static FileContentHttpResult Create(string fileName, byte[] content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var signature = CadesSignature.SignDetached(content, certificate, signingTime);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(archive, fileName, content);
            Add(archive, fileName + CadesSignature.Extension, signature);
        }

        return TypedResults.File(zip.ToArray(), "application/zip", Path.ChangeExtension(fileName, ".zip"));
    }

    // In memory: nothing here waits on I/O.
    private static void Add(ZipArchive archive, string name, byte[] content)
    {
        using var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
