using System.CommandLine;

namespace Sluice.Cli;

/// <summary>The command-line tasks that share the gateway's executable.</summary>
public static class SluiceCommands
{
    private static readonly Command[] Commands =
    [
        LegacySimCommand.Create(), MigrateCommand.Create(), TokenCommand.Create(), OrdersCommand.Create(), VerifyCommand.Create(),
        ApiCommand(StatusCommand.Create()), ApiCommand(DlqCommand.Create()), ApiCommand(LoadCommand.Create()), ApiCommand(KeysCommand.Create()),
        ApiCommand(DevicesCommand.Create()), ApiCommand(ReplyCommand.Create()), ApiCommand(SignedExportCommand.Afd()), ApiCommand(SignedExportCommand.Aej()),
        ApiCommand(EspelhoCommand.Create()),
    ];

    /// <summary>True when the first argument names a command (or asks for help) rather than configuring the server.</summary>
    public static bool Handles(string[] args) =>
        args.Length > 0 && (Commands.Any(c => c.Name == args[0]) || args[0] is "--help" or "-h" or "-?" or "help");

    public static Task<int> InvokeAsync(string[] args)
    {
        var root = new RootCommand(
            "Sluice: a store-first gateway in front of a slow legacy system. Run without a command to start the gateway.");
        foreach (var command in Commands)
        {
            root.Subcommands.Add(command);
        }

        return root.Parse(args[0] == "help" ? ["--help"] : args).InvokeAsync();
    }

    /// <summary>A command that talks to a running gateway: --server, --token and --api-key apply to it and its subcommands.</summary>
    private static Command ApiCommand(Command command)
    {
        ServerConnection.AddTo(command);
        return command;
    }

    internal static Option<TimeSpan> DurationOption(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => fallback,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Duration.TryParse(token, out var value))
            {
                return value;
            }

            result.AddError($"'{token}' is not a duration for {name}: use e.g. 250ms, 10s, 5m or 00:00:10.");
            return default;
        },
    };

    /// <summary>A latency: one duration, or a range (<c>0-1s</c>) each request draws from uniformly.</summary>
    internal static Option<(TimeSpan Min, TimeSpan? Max)> LatencyOption(string name, string description, TimeSpan fallback) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => (fallback, null),
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Duration.TryParseRange(token, out var min, out var max))
            {
                return (min, max);
            }

            result.AddError($"'{token}' is not a latency for {name}: use e.g. 250ms, 10s, or a range such as 0-1s.");
            return default;
        },
    };
}
