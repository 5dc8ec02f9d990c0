using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Postgres;

public static class PostgresJournalServiceCollectionExtensions
{
    /// <summary>
    /// Registers the PostgreSQL journal, configured from <paramref name="sectionName"/> with its connection
    /// string from <c>ConnectionStrings:Journal</c>, and the listener that wakes delivery on new work.
    /// </summary>
    public static IServiceCollection AddPostgresJournal(this IServiceCollection services, string sectionName)
    {
        services.AddOptions<PostgresJournalOptions>()
            .BindConfiguration(sectionName)
            .Configure<IConfiguration>((options, configuration) =>
                options.ConnectionString ??= configuration.GetConnectionString("Journal"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostgresJournalOptions>, PostgresJournalOptionsValidator>();
        services.AddSingleton<PostgresJournal>();
        services.AddSingleton<IJournal>(sp => sp.GetRequiredService<PostgresJournal>());
        services.AddSingleton<IJournalDatabase>(sp => sp.GetRequiredService<PostgresJournal>());
        services.AddHostedService<PostgresWorkListener>();
        return services;
    }
}
