using System.Globalization;

namespace Sluice.Journal.Modules;

/// <summary>Hands the append batch to the modules it concerns (their schema steps are run by <see cref="Migrations.SchemaMigrator"/>).</summary>
public static class ModuleMigrations
{
    /// <summary>Lets every module that <see cref="IJournalModule.Handles"/> a kind in the batch add its rows.</summary>
    public static async ValueTask NotifyAppendingAsync(
        IJournalModule[] modules, JournalSession session, List<NewMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var module in modules)
        {
            if (Concerns(module, messages))
            {
                await module.OnAppendingAsync(session, messages, cancellationToken);
            }
        }
    }

    /// <summary>Whether any module must see this batch: then it needs a transaction even where one statement would do.</summary>
    public static bool AnyConcerned(IJournalModule[] modules, IReadOnlyList<NewMessage> messages)
    {
        foreach (var module in modules)
        {
            if (Concerns(module, messages))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Concerns(IJournalModule module, IReadOnlyList<NewMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (module.Handles(messages[i].Kind))
            {
                return true;
            }
        }

        return false;
    }
}
