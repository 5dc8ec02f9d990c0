using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sluice.Journal.Sqlite;
using Sluice.Journal.Tests.Contract;
using Sluice.Testing;

namespace Sluice.Journal.Tests.Sqlite;

/// <summary>
/// The WAL under writes that never pause, as at 08:00: it must keep starting again from its beginning, or it grows
/// for as long as the load lasts and fills the disk.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit calls IAsyncLifetime.DisposeAsync, which disposes it; the rule does not know that interface.")]
public sealed class SqliteWalTests : IAsyncLifetime
{
    private const long JournalSizeLimit = 64L * 1024 * 1024;

    private readonly string _folder = Directory.CreateTempSubdirectory("sluice-wal-").FullName;
    private SqliteJournal _journal = null!;

    private string DatabasePath => Path.Combine(_folder, "journal.db");

    public async Task InitializeAsync()
    {
        _journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = DatabasePath }));
        await _journal.InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_WAL_starts_again_from_its_beginning_while_appends_keep_coming()
    {
        using var stop = new CancellationTokenSource();
        var pad = new string('x', 2_000);
        long appended = 0;
        var appender = Task.Run(async () =>
        {
            // Back to back, no pause between commits: a passive checkpoint alone never catches up with this.
            while (!stop.IsCancellationRequested)
            {
                var batch = Enumerable.Range(0, 200)
                    .Select(i => Messages.New(body: $"{{\"employeeId\":\"{i}\",\"pad\":\"{pad}\"}}"))
                    .ToArray();
                await _journal.AppendAsync(batch, CancellationToken.None);
                Interlocked.Add(ref appended, batch.Length);
            }
        });

        try
        {
            var first = await Eventually.UntilAsync(ReadWalAsync, wal => wal.Exists,
                because: "the first commit creates the WAL");
            var restarted = await Eventually.UntilAsync(
                ReadWalAsync,
                wal => wal.Restarts >= first.Restarts + 3 || appender.IsCompleted,
                because: "the WAL to start again three times while the appender keeps writing");
            Assert.False(appender.IsFaulted, appender.Exception?.ToString());
            Assert.True(restarted.Restarts >= first.Restarts + 3, $"restarts seen: {restarted.Restarts - first.Restarts}");

            // The first commit after a restart cuts the file back to journal_size_limit: the disk is given back under load.
            var trimmed = await Eventually.UntilAsync(
                ReadWalAsync,
                wal => wal.Size <= JournalSizeLimit || appender.IsCompleted,
                because: "the WAL file to come back to journal_size_limit while the appender keeps writing");
            Assert.True(trimmed.Size <= JournalSizeLimit,
                $"the WAL holds {trimmed.Size:N0} bytes after {Volatile.Read(ref appended):N0} messages were appended");
        }
        finally
        {
            await stop.CancelAsync();
            await appender;
        }
    }

    private Task<Wal> ReadWalAsync() => Task.FromResult(Wal.Read(DatabasePath + "-wal"));

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>The WAL file as SQLite leaves it: its size, and the checkpoint sequence its header counts restarts with.</summary>
    private readonly record struct Wal(bool Exists, long Size, uint Restarts)
    {
        public static Wal Read(string path)
        {
            try
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                Span<byte> header = stackalloc byte[16];
                return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length
                    ? new Wal(false, 0, 0)
                    : new Wal(true, file.Length, BinaryPrimitives.ReadUInt32BigEndian(header[12..]));
            }
            catch (FileNotFoundException)
            {
                return new Wal(false, 0, 0);
            }
        }
    }
}
