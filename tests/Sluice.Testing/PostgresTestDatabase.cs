using Npgsql;

namespace Sluice.Testing;

/// <summary>
/// A database of its own on the shared test server (<see cref="PostgresServer"/>) for a gateway on the PostgreSQL
/// journal: the settings that point a gateway at it, and a connection for tests that read or alter its rows directly.
/// </summary>
public sealed class PostgresTestDatabase
{
    private PostgresTestDatabase(string connectionString) => ConnectionString = connectionString;

    public string ConnectionString { get; }

    /// <param name="prefix">The start of the database's name, so a leftover database says which test made it.</param>
    public static async Task<PostgresTestDatabase> CreateAsync(string prefix) =>
        new(await (await PostgresServer.GetAsync()).CreateDatabaseAsync(prefix));

    /// <summary>Settings that make a gateway keep its journal in this database.</summary>
    public void Configure(IDictionary<string, string?> settings)
    {
        settings["Journal:Engine"] = "postgres";
        settings["ConnectionStrings:Journal"] = ConnectionString;
    }

    /// <summary>Just the journal's settings, for tests that add them to defaults of their own.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        Configure(settings);
        return settings;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
