using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Journal.Postgres;
using Sluice.Journal.Sqlite;

namespace Sluice.Hosting;

internal static class JournalSetup
{
    public const string SectionName = "Journal";

    private static readonly string[] Engines = ["sqlite", "postgres"];

    public static WebApplicationBuilder AddSluiceJournal(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // First: the writer's start-up step opens the journal, and an engine's own background services (PostgreSQL's
        // notification listener) start after it, so a journal that cannot be opened is reported once, by name.
        services.AddJournalWriter(SectionName);
        var engine = builder.Configuration[$"{SectionName}:Engine"] ?? "sqlite";
        switch (engine.ToLowerInvariant())
        {
            case "sqlite":
                services.AddOptions<SqliteJournalOptions>()
                    .BindConfiguration(SectionName)
                    .ValidateDataAnnotations()
                    .ValidateOnStart();
                services.AddSingleton<SqliteJournal>();
                services.AddSingleton<IJournal>(sp => sp.GetRequiredService<SqliteJournal>());
                services.AddSingleton<IJournalDatabase>(sp => sp.GetRequiredService<SqliteJournal>());
                break;
            case "postgres":
                services.AddPostgresJournal(SectionName);
                break;
            default:
                throw new OptionsValidationException(SectionName, typeof(object),
                    [$"{SectionName}:Engine '{engine}' is not supported; use one of: {string.Join(", ", Engines)}."]);
        }

        return builder;
    }
}
