using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Sluice.Testing;

/// <summary>
/// A real Prometheus from Debian's <c>prometheus</c> package, scraping one target every second with a bearer token,
/// on a free loopback port with its own configuration and storage; stopped and removed on dispose.
/// </summary>
/// <remarks>A missing package fails the test with a message saying what to install; nothing is ever skipped.</remarks>
public sealed class PrometheusServer : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus";
    public const string PromTool = "/usr/bin/promtool";

    private readonly Process _process;
    private readonly TempFolder _folder;
    private readonly StringBuilder _output;

    private PrometheusServer(Process process, TempFolder folder, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _folder = folder;
        _output = output;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Prometheus's own HTTP API (<c>/api/v1/…</c>).</summary>
    public HttpClient Client { get; }

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

    public static async Task<PrometheusServer> StartAsync(Uri target, string bearerToken, string metricsPath = "/metrics")
    {
        Require(Binary);
        var folder = new TempFolder("sluice-prometheus-");
        var port = GatewayProcess.FreePort();
        var config = folder.File("prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
            scrape_configs:
              - job_name: sluice
                metrics_path: {metricsPath}
                authorization:
                  type: Bearer
                  credentials: {bearerToken}
                static_configs:
                  - targets: ['{target.Authority}']
            """);
        var start = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
        {
            $"--config.file={config}", $"--storage.tsdb.path={folder.File("data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = CapturedProcess.Start(start, output);
        var server = new PrometheusServer(process, folder, output, new Uri($"http://127.0.0.1:{port}"));
        await Eventually.UntilAsync(server.IsReadyAsync, ready => ready || process.HasExited, TimeSpan.FromSeconds(60), "Prometheus is ready");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"Prometheus exited with {process.ExitCode}:\n{server.Output}");
        }

        return server;
    }

    /// <summary>An instant query's samples: each series' labels and value.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, double Value)>> QueryAsync(string promql)
    {
        using var answer = await Client.GetFromJsonAsync<JsonDocument>($"/api/v1/query?query={Uri.EscapeDataString(promql)}");
        var data = answer!.RootElement.GetProperty("data");
        return [.. data.GetProperty("result").EnumerateArray().Select(r => (
            (IReadOnlyDictionary<string, string>)r.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            double.Parse(r.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)))];
    }

    /// <summary><c>promtool check metrics</c> on <paramref name="exposition"/>: its exit code and what it printed.</summary>
    public static Task<ToolOutput> CheckMetricsAsync(string exposition)
    {
        Require(PromTool);
        return ExternalTool.RunAsync(PromTool, ["check", "metrics"], input: exposition);
    }

    private async Task<bool> IsReadyAsync()
    {
        try
        {
            using var response = await Client.GetAsync("/-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static void Require(string binary)
    {
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException($"This test needs {binary}: install Debian's 'prometheus' package (./test.sh does).");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await ChildProcess.StopAsync(_process);
        _folder.Dispose();
    }
}
