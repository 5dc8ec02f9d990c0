using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sluice.Hosting;
using Sluice.Security;

namespace Sluice.Testing;

/// <summary>
/// Sluice as a separate operating-system process (the built <c>Sluice.dll</c>), so a test can kill it
/// with SIGKILL mid-flight exactly as a crash would, and start it again on the same data.
/// </summary>
public sealed class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private GatewayProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Client = TestCredentials.Client(baseAddress, TestCredentials.Bearer(SluiceRoles.Admin));
    }

    public Uri BaseAddress { get; }

    /// <summary>Sends an admin's bearer token (signed with <see cref="TestCredentials.SigningKey"/>): good for every endpoint.</summary>
    public HttpClient Client { get; }

    /// <summary>What the process printed, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<GatewayProcess> StartAsync(IDictionary<string, string?> settings, TimeSpan? readyWithin = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(typeof(SluiceServer).Assembly.Location);
        start.ArgumentList.Add($"--urls=http://127.0.0.1:{port}");
        foreach (var (key, value) in TestCredentials.With(settings).Where(s => s.Value is not null))
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        var output = new StringBuilder();
        var process = CapturedProcess.Start(start, output);

        var gateway = new GatewayProcess(process, output, new Uri($"http://127.0.0.1:{port}"));
        await gateway.WaitUntilReadyAsync(readyWithin ?? TimeSpan.FromSeconds(60));
        return gateway;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; whatever was not committed is gone.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as systemd, docker stop or a rolling restart send it: the graceful stop begins.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end by itself; its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var limit = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"Sluice did not exit within {within}:\n{Output}");
        }

        return _process.ExitCode;
    }

    private async Task WaitUntilReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Sluice exited with {_process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Sluice was not ready within {within}:\n{Output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await ChildProcess.StopAsync(_process);
    }
}
