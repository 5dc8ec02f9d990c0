using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Punches.Afd;

namespace Sluice.Tests.Punches.Afd;

public sealed class AfdResultsTests
{
    [Fact]
    public async Task The_file_is_a_latin1_download_named_by_the_regulation()
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(-3));
        AfdEntry[] entries = [new AfdPunchEntry(1, at, "52998224725", at, AfdCollector.Browser, false, new string('a', 64))];
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await AfdResults.File(AfdRecordsTests.Header(), entries.ToAsyncEnumerable(), CancellationToken.None).ExecuteAsync(context);

        Assert.Equal("text/plain; charset=iso-8859-1", context.Response.ContentType);
        Assert.Contains("filename=AFD512021000123012345678000195REP_P.txt", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        var lines = Encoding.Latin1.GetString(body.ToArray()).Split("\r\n");
        Assert.Equal([302, 137, 64, 100, 0], lines.Select(l => l.Length));
    }
}
