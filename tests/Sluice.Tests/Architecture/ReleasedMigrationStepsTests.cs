using System.Security.Cryptography;
using System.Text;
using Sluice.Journal.Modules;

namespace Sluice.Tests.Architecture;

/// <summary>
/// A released schema step is identified by its position: a database that ran step 3 never runs it again, so editing its
/// text would leave old and new databases with different schemas. Each step's SHA-256 is pinned here; a new step is
/// appended to its list, and a changed hash of an existing one is the bug this test exists to catch.
/// </summary>
public sealed class ReleasedMigrationStepsTests
{
    private static readonly IJournalModule[] Modules =
    [
        new Sluice.Punches.Ledger.PunchLedger(),
        new Sluice.Punches.Adms.AdmsModule(),
        new Sluice.Orders.Storage.OrdersModule(),
        new Sluice.Security.ApiKeysModule(),
    ];

    private static readonly Dictionary<string, string[]> Pinned = new(StringComparer.Ordinal)
    {
        ["punches/Sqlite"] = ["02dd27779487169e", "e7479e06def4e5e9", "5e16125f65e47813", "f154d2bd43f934b5", "14b719beb22012e5"],
        ["punches/Postgres"] = ["c799db2ac866e781", "e7479e06def4e5e9", "5591c9d7b7cbe151", "41a657233c84e4df", "74e0b6815e22b3f6"],
        ["adms/Sqlite"] = ["571701d049496f87"],
        ["adms/Postgres"] = ["46f271657b5a96bf"],
        ["orders/Sqlite"] = ["0fc53b5c47c3da06", "f6bbc1fe50eaa31b", "422bb05aafbc346d", "21b50131972b3de3", "2c03f5b6178147da"],
        ["orders/Postgres"] = ["db2a11222031cdf5", "dcebacf83d3d21c2", "9c47b65357305295", "e44941fc52c6cc27", "2c03f5b6178147da"],
        ["api-keys/Sqlite"] = ["0357a28c164aae19", "a508c7f30529e4cc"],
        ["api-keys/Postgres"] = ["5e7a1c52d2a23f60", "a508c7f30529e4cc"],
    };

    [Fact]
    public void Released_steps_keep_their_text_on_both_engines()
    {
        var actual = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var module in Modules)
        {
            foreach (var engine in Enum.GetValues<JournalEngine>())
            {
                actual[$"{module.Name}/{engine}"] = [.. module.Migrations(engine).Select(Hash)];
            }
        }

        var report = string.Join(Environment.NewLine, actual.Select(a => $"[\"{a.Key}\"] = [{string.Join(", ", a.Value.Select(h => $"\"{h}\""))}],"));
        foreach (var (key, hashes) in Pinned)
        {
            Assert.True(actual.TryGetValue(key, out var steps), $"No module/engine {key}.{Environment.NewLine}{report}");
            Assert.True(steps.Length >= hashes.Length, $"{key} lost released steps.{Environment.NewLine}{report}");
            Assert.True(hashes.SequenceEqual(steps.Take(hashes.Length)), $"{key}: a released step changed.{Environment.NewLine}{report}");
        }

        Assert.True(Pinned.Count == actual.Count, report);
    }

    // Line endings are the checkout's, not the step's: a Windows clone must pin the same text.
    private static string Hash(string step) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(step.ReplaceLineEndings("\n"))))[..16];
}
