using System.Diagnostics;

namespace Sluice.Testing;

/// <summary>Ends a server process a test started, at the test's end.</summary>
internal static class ChildProcess
{
    /// <summary>
    /// Kills the process with its children if it is still running (a test's server holds nothing worth a graceful
    /// stop), waits for it to be gone, so the next test finds its port and files free, and disposes it.
    /// </summary>
    public static async ValueTask StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
