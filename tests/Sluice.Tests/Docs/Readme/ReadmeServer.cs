using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sluice.Tests.Docs.Readme;

/// <summary>A server the reader started in a shell of its own: the shell's process group.</summary>
internal sealed record ReadmeServer(Process Process, StringBuilder Output, int Line) : IAsyncDisposable
{
    /// <summary>SIGTERM to the shell's process group, as Ctrl+C in its shell stops it; killed if it has not stopped in 30 s.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", "--", $"-{Process.Id.ToString(CultureInfo.InvariantCulture)}"]))
            {
                await kill.WaitForExitAsync();
            }

            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await Process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }
        }

        Process.Dispose();
    }
}
