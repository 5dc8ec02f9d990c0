using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Sluice.Journal.GroupCommit;
using Sluice.Journal.Retention;

namespace Sluice.Journal;

public static class JournalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the group-commit writer in front of the registered <see cref="IJournal"/>, a start-up step
    /// that creates or upgrades the schema before anything else touches it, and the retention job.
    /// </summary>
    public static IServiceCollection AddJournalWriter(this IServiceCollection services, string sectionName)
    {
        services.AddOptions<GroupCommitOptions>()
            .BindConfiguration(sectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHostedService<JournalInitializer>();
        services.AddSingleton<GroupCommitWriter>();
        services.AddSingleton<IMessageAppender>(sp => sp.GetRequiredService<GroupCommitWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitWriter>());

        services.AddOptions<RetentionOptions>()
            .BindConfiguration($"{sectionName}:Retention")
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<JournalRetention>();
        return services;
    }

    private sealed class JournalInitializer(IJournal journal) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => journal.InitializeAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
