using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using RabbitMQ.Client;

namespace Sluice.Testing;

/// <summary>
/// A real RabbitMQ broker for the tests: the one named by <c>SLUICE_TEST_RABBITMQ</c> (an amqp:// URI) if set,
/// otherwise one started from Debian's <c>rabbitmq-server</c> on free ports with its own node name, data and log
/// folders, stopped when the test process exits. A test that restarts the broker starts a private one.
/// </summary>
/// <remarks>A missing package fails the test with a message saying what to install; nothing is ever skipped.</remarks>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly Lazy<Task<RabbitMqServer>> Shared = new(StartOrConnectAsync);

    private readonly string? _folder;
    private readonly Dictionary<string, string> _environment = [];
    private readonly StringBuilder _output = new();
    private Process? _process;

    private RabbitMqServer(Uri uri, string? folder)
    {
        Uri = uri;
        _folder = folder;
    }

    /// <summary>amqp://guest:guest@127.0.0.1:port/ — guest may connect over loopback.</summary>
    public Uri Uri { get; }

    /// <summary>The broker shared by every test in this process.</summary>
    public static Task<RabbitMqServer> GetAsync() => Shared.Value;

    /// <summary>A broker of the caller's own, which it may stop and start; disposed by the caller.</summary>
    public static async Task<RabbitMqServer> StartPrivateAsync()
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"RabbitMQ tests need the broker ({ServerScript}): install Debian's 'rabbitmq-server' package (./test.sh does). " +
                "SLUICE_TEST_RABBITMQ=amqp://… serves tests that do not restart the broker.");
        }

        var folder = Directory.CreateTempSubdirectory("sluice-rabbitmq-").FullName;
        var port = GatewayProcess.FreePort();
        var server = new RabbitMqServer(new Uri($"amqp://guest:guest@127.0.0.1:{port}/"), folder);
        var environment = server._environment;
        environment["HOME"] = folder; // the Erlang cookie is made here, not in the user's home
        environment["RABBITMQ_NODENAME"] = $"sluice{port}@localhost";
        environment["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1";
        environment["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_DIST_PORT"] = GatewayProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["RABBITMQ_MNESIA_BASE"] = Path.Combine(folder, "mnesia");
        environment["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log");
        environment["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins");
        environment["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq");
        environment["RABBITMQ_PID_FILE"] = Path.Combine(folder, "broker.pid");
        await File.WriteAllTextAsync(Path.Combine(folder, "enabled_plugins"), "[].");
        Watch(folder);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the broker again on the same port and data, after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(ServerScript)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _folder,
        };
        foreach (var (name, value) in _environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(process);
    }

    /// <summary>Stops the broker the way an operator would (SIGTERM: a clean shutdown, persistent messages kept).</summary>
    public async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A connection to the broker for a test's own consumer.</summary>
    public Task<IConnection> ConnectAsync() =>
        new ConnectionFactory { Uri = Uri, AutomaticRecoveryEnabled = true, NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500) }.CreateConnectionAsync();

    /// <summary>
    /// A detached watchdog that kills the broker and removes its folder once this process is gone, however it ends:
    /// a test host ends without waiting for exit handlers, and a broker left running would hold a port and a node name.
    /// </summary>
    private static void Watch(string folder)
    {
        var script =
            $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; " +
            $"[ -f '{folder}/broker.pid' ] && kill -KILL \"$(cat '{folder}/broker.pid')\" 2>/dev/null; sleep 2; rm -rf '{folder}'";
        var start = new ProcessStartInfo("setsid", ["sh", "-c", script])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        using var _ = Process.Start(start);
    }

    private static async Task<RabbitMqServer> StartOrConnectAsync()
    {
        if (Environment.GetEnvironmentVariable("SLUICE_TEST_RABBITMQ") is { Length: > 0 } given)
        {
            return new RabbitMqServer(new Uri(given), folder: null);
        }

        var server = await StartPrivateAsync();
        // Stopped by the watchdog once this process is gone.
        return server;
    }

    /// <summary>Ready once a client can open a connection: the port alone opens before the broker takes logins.</summary>
    private async Task WaitUntilReadyAsync(Process process)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"rabbitmq-server exited ({process.ExitCode}):\n{Output()}");
            }

            try
            {
                await using var connection = await new ConnectionFactory { Uri = Uri, AutomaticRecoveryEnabled = false }.CreateConnectionAsync();
                return;
            }
            catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.BrokerUnreachableException or SocketException or IOException)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new InvalidOperationException($"rabbitmq-server did not accept connections within 90 s:\n{Output()}", ex);
                }
            }

            await Task.Delay(200);
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
