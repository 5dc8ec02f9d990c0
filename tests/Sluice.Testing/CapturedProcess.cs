using System.Diagnostics;
using System.Text;

namespace Sluice.Testing;

/// <summary>
/// Starts a server process for a test with its standard output and error kept line by line in one buffer, so a test
/// that fails can say what the server printed; the pipes are read as they fill, so a chatty server never blocks.
/// </summary>
public static class CapturedProcess
{
    public static Process Start(ProcessStartInfo start, StringBuilder output)
    {
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
