using Npgsql;

namespace Sluice.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: the one named by <c>SLUICE_TEST_PG</c> if set, otherwise one this
/// process starts from the machine's PostgreSQL binaries (initdb and pg_ctl into a temporary folder, on a free
/// port, as the <c>postgres</c> user when running as root) and stops when the test process exits.
/// Each test gets a database of its own from <see cref="CreateDatabaseAsync"/>.
/// </summary>
/// <remarks>Missing binaries fail the test with a message saying what to install; nothing is ever skipped.</remarks>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartOrConnectAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    /// <summary>Connects to the server's <c>postgres</c> database as a superuser.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "sluice")
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    private static async Task<PostgresServer> StartOrConnectAsync()
    {
        if (Environment.GetEnvironmentVariable("SLUICE_TEST_PG") is { Length: > 0 } given)
        {
            return new PostgresServer(given);
        }

        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL tests need the server binaries (initdb, pg_ctl): install Debian's 'postgresql' package " +
            "(./test.sh does), or set SLUICE_TEST_PG to a connection string of a server to use.");
        var folder = Directory.CreateTempSubdirectory("sluice-pg-").FullName;
        var data = Path.Combine(folder, "data");
        var port = GatewayProcess.FreePort();
        var asPostgres = Environment.UserName == "root";
        if (asPostgres)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]);
        }

        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "sluice", "--auth=trust", "-E", "UTF8", "--no-sync"], asPostgres);
        await RunAsync(Path.Combine(bin, "pg_ctl"),
        [
            "-D", data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB",
            "start",
        ], asPostgres);

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asPostgres).GetAwaiter().GetResult();
            Directory.Delete(folder, recursive: true);
        };

        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=sluice;Database=postgres;Pooling=false");
    }

    /// <summary>The newest PostgreSQL under Debian's versioned folders, or initdb on the PATH.</summary>
    private static string? FindBinaries()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .FirstOrDefault(p => File.Exists(Path.Combine(p, "initdb")) && File.Exists(Path.Combine(p, "pg_ctl")));
    }

    /// <summary>
    /// Runs a PostgreSQL program, as the <c>postgres</c> user (through runuser) when <paramref name="asPostgres"/>;
    /// throws with what it printed when it fails.
    /// </summary>
    private static async Task RunAsync(string program, string[] arguments, bool asPostgres = false)
    {
        // Longer than pg_ctl's own -t 60, so a server slow to start is reported by pg_ctl, with its reason.
        var timeout = TimeSpan.FromMinutes(2);
        var (exitCode, output) = asPostgres
            ? await ExternalTool.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments], timeout: timeout)
            : await ExternalTool.RunAsync(program, arguments, timeout: timeout);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}):\n{output}");
        }
    }
}
