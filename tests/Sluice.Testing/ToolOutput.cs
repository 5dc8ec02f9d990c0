namespace Sluice.Testing;

/// <summary>How an outside program ended (<see cref="ExternalTool"/>) and what it printed on each stream.</summary>
public sealed record ToolOutput(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Everything it printed, standard output then standard error: what a failing assertion should show.</summary>
    public string Output => StandardOutput + StandardError;

    public void Deconstruct(out int exitCode, out string output)
    {
        exitCode = ExitCode;
        output = Output;
    }
}
