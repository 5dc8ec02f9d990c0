using Sluice.Cli;
using Sluice.Hosting;

// `sluice <command> …` runs a command-line task; anything else starts the gateway.
if (SluiceCommands.Handles(args))
{
    return await SluiceCommands.InvokeAsync(args);
}

return await SluiceServer.RunAsync(args);
