using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Sluice.Hosting;
using Sluice.Testing;

namespace Sluice.Tests.Docs.Readme;

/// <summary>
/// The reader's shells: one that runs the README's blocks in order in a fresh folder, carrying what each block sets to
/// the next, and the servers the reader starts in shells of their own. Two substitutions, both stated in the README's
/// Tests section: <c>dotnet run --project src/Sluice …</c> runs the Sluice the tests built, with the launch profile's
/// environment as <c>dotnet run</c> gives it (building again would take minutes on a loaded machine), and the README's
/// ports 5080 and 5090 become free ones (another program may hold them).
/// </summary>
internal sealed partial class ReadmeShell : IAsyncDisposable
{
    private static readonly TimeSpan BlockTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);

    private readonly TempFolder _work = new("sluice-readme-");
    private readonly TempFolder _support = new("sluice-readme-shell-");
    private readonly Dictionary<string, int> _ports;
    private readonly Dictionary<int, ReadmeServer> _servers = [];
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    public ReadmeShell(string repositoryRoot)
    {
        _ports = new() { ["5080"] = GatewayProcess.FreePort(), ["5090"] = GatewayProcess.FreePort() };
        foreach (var entry in new DirectoryInfo(repositoryRoot).EnumerateFileSystemInfos())
        {
            // The repository as the reader's working folder, except what a run leaves behind: the data folder is fresh.
            if (entry.Name.StartsWith('.') || entry.Name is "data" or "TestResults")
            {
                continue;
            }

            if (entry is DirectoryInfo)
            {
                Directory.CreateSymbolicLink(Path.Combine(_work.Path, entry.Name), entry.FullName);
            }
            else
            {
                File.CreateSymbolicLink(Path.Combine(_work.Path, entry.Name), entry.FullName);
            }
        }

        File.WriteAllText(_support.File("dotnet.sh"), DotnetRunShim.Script(repositoryRoot, Substitute));
        File.WriteAllText(_support.File("state.sh"), "");
        File.WriteAllText(_support.File("aliases.sh"), "");
        // A curl that gets an error status fails the block, as a reader would count it failed.
        File.WriteAllText(_support.File(".curlrc"), "fail\nshow-error\n");
    }

    /// <summary>Where the blocks run: the reader's checkout, with a data folder of its own.</summary>
    public string Folder => _work.Path;

    /// <summary>Runs a block in the reader's shell; its exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(ReadmeBlock block)
    {
        var script = _support.File($"block-{block.Line}.sh");
        await File.WriteAllTextAsync(script, $"""
            set -a   # what a block sets stays for the blocks after it, as in one shell
            . "{_support.File("state.sh")}"
            . "{_support.File("dotnet.sh")}"
            shopt -s expand_aliases
            . "{_support.File("aliases.sh")}"
            set -e -o pipefail
            {Substitute(block.Code)}
            export -p > "{_support.File("state.sh")}"
            alias -p > "{_support.File("aliases.sh")}"
            """);
        var output = new StringBuilder();
        using var process = Start("bash", script, output);
        using var timeout = new CancellationTokenSource(BlockTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"{Text(output)}\n(still running after {BlockTimeout.TotalSeconds:0} s)");
        }

        return (process.ExitCode, Text(output));
    }

    /// <summary>Starts a server block in a shell of its own, after stopping the one started before on its port; returns once its URL answers 200.</summary>
    public async Task StartServerAsync(ReadmeBlock block)
    {
        var ready = new Uri(Substitute(block.Detail!));
        if (_servers.Remove(ready.Port, out var previous))
        {
            await previous.DisposeAsync();
        }

        var script = _support.File($"server-{block.Line}.sh");
        await File.WriteAllTextAsync(script, $"""
            . "{_support.File("dotnet.sh")}"
            set -e -o pipefail
            {Substitute(block.Code)}
            """);
        var output = new StringBuilder();
        // setsid: the shell and the server in a process group of their own, stopped together as Ctrl+C would.
        var server = new ReadmeServer(Start("setsid", script, output, "bash"), output, block.Line);
        _servers[ready.Port] = server;
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (true)
        {
            if (server.Process.HasExited)
            {
                throw new InvalidOperationException($"The server of README line {block.Line} exited with {server.Process.ExitCode} before {ready} answered:\n{Text(output)}");
            }

            try
            {
                using var response = await _probe.GetAsync(ready);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{ready} did not answer 200 within {ReadyTimeout} of starting the server of README line {block.Line}:\n{Text(output)}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The end of what each running server printed, for a failure message.</summary>
    public string ServersOutput() => string.Join('\n', _servers.Values.Select(s =>
    {
        var text = Text(s.Output);
        return $"--- server of README line {s.Line}:\n{(text.Length > 3000 ? "…" + text[^3000..] : text)}";
    }));

    private string Substitute(string text) => ReadmePort().Replace(text, m => _ports[m.Value].ToString(CultureInfo.InvariantCulture));

    private Process Start(string program, string script, StringBuilder output, params string[] before)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = _work.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in before.Append(script))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CURL_HOME"] = _support.Path;
        start.Environment["SLUICE_SERVER"] = $"http://localhost:{_ports["5080"]}";   // the command line's default is 5080
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["NO_COLOR"] = "1";
        return CapturedProcess.Start(start, output);
    }

    private static string Text(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    [GeneratedRegex(@"(?<![0-9])(5080|5090)(?![0-9])")]
    private static partial Regex ReadmePort();

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers.Values)
        {
            await server.DisposeAsync();
        }

        _probe.Dispose();
        // The links first, one by one: the checkout they point at is not the test's to delete.
        foreach (var link in new DirectoryInfo(_work.Path).EnumerateFileSystemInfos().Where(e => e.LinkTarget is not null))
        {
            link.Delete();
        }

        _support.Dispose();
        _work.Dispose();
    }
}
