using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sluice.Journal.Sqlite;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Sqlite;

/// <summary>Files made by earlier releases keep their history in <c>user_version</c> and upgrade in place.</summary>
public sealed class SqliteSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sluice-schema-").FullName;

    private string DatabasePath => Path.Combine(_folder, "journal.db");

    [Fact]
    public async Task A_file_of_an_earlier_release_runs_only_its_missing_steps_and_keeps_its_rows()
    {
        var message = New();
        await using (var journal = await OpenAsync())
        {
            await journal.AppendAsync([message], CancellationToken.None);
        }

        // As the release before replies left it: its first two steps run, the third not yet.
        Execute("DROP TABLE replies; PRAGMA user_version = 2");

        await using (var upgraded = await OpenAsync())
        {
            Assert.NotNull(await upgraded.GetMessageAsync(message.Id, CancellationToken.None));
            Assert.Null(await upgraded.GetReplyAsync(message.Id, "legacy", CancellationToken.None));
        }

        Assert.Equal((long)SqliteSchema.Steps.Length, Scalar("PRAGMA user_version"));
    }

    [Fact]
    public async Task A_file_migrated_by_a_newer_release_is_refused()
    {
        await (await OpenAsync()).DisposeAsync();
        Execute($"PRAGMA user_version = {SqliteSchema.Steps.Length + 1}");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => OpenAsync());

        Assert.Contains("upgrade Sluice", refused.Message);
    }

    private async Task<SqliteJournal> OpenAsync()
    {
        var journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = DatabasePath }));
        await journal.InitializeAsync(CancellationToken.None);
        return journal;
    }

    private void Execute(string sql) => Run(sql, command => command.ExecuteNonQuery());

    private object? Scalar(string sql) => Run(sql, command => command.ExecuteScalar());

    private T Run<T>(string sql, Func<SqliteCommand, T> run)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return run(command);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
