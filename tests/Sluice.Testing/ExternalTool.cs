using System.Diagnostics;

namespace Sluice.Testing;

/// <summary>
/// Runs an outside program for a test and collects what it printed: a checker written by others (openssl, pdfsig,
/// nginx, systemd-analyze, ShellCheck, docker-compose, Redocly) on Sluice's outputs, or a script or server binary the
/// test drives. A missing checker fails the test, in CI and on a developer's machine alike: a test that passed without
/// its outside check would prove nothing.
/// </summary>
public static class ExternalTool
{
    // Debian puts servers' binaries (nginx) in the sbin folders, which a user's PATH often leaves out.
    private static readonly string[] SbinFolders = ["/usr/sbin", "/sbin"];

    /// <summary>
    /// The full path of <paramref name="name"/> on PATH, in /usr/sbin or in /sbin; throws, naming the Debian
    /// <paramref name="package"/>, when it is in none of them.
    /// </summary>
    public static string Require(string name, string package)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return folders.Concat(SbinFolders).Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"'{name}' is not installed (Debian package {package}); ./test.sh installs it.");
    }

    /// <summary>
    /// The path of <paramref name="command"/> from the npm package <paramref name="package"/>, which ./test.sh installs
    /// under <c>SLUICE_TOOLS</c> (default <c>~/.cache/sluice-tools</c>, outside the checkout); throws when it is not there.
    /// </summary>
    public static string FromNpm(string command, string package)
    {
        var tools = Environment.GetEnvironmentVariable("SLUICE_TOOLS")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sluice-tools");
        var path = Path.Combine(tools, "node_modules", ".bin", command);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"'{command}' is not installed (npm package {package}, under {tools}); ./test.sh installs it.");
        }

        return path;
    }

    /// <summary>Runs the program to its end as the other overload does, with none of its options.</summary>
    public static Task<ToolOutput> RunAsync(string program, params string[] arguments) =>
        RunAsync(program, arguments.AsEnumerable());

    /// <summary>
    /// Runs <paramref name="program"/> (a full path, usually from <see cref="Require"/>, or a name on PATH) to its end;
    /// returns its exit code and what it printed.
    /// </summary>
    /// <param name="input">What the program reads on its standard input, which is closed after it; none when null.</param>
    /// <param name="environment">Variables for the program on top of this process's; a null value removes one.</param>
    /// <param name="workingDirectory">Where it runs; this process's current folder when null.</param>
    /// <param name="timeout">
    /// How long it may take, one minute when null; a program still running then is killed with its children and a
    /// <see cref="TimeoutException"/> says what it had printed.
    /// </param>
    public static async Task<ToolOutput> RunAsync(
        string program, IEnumerable<string> arguments, string? input = null, IReadOnlyDictionary<string, string?>? environment = null,
        string? workingDirectory = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            WorkingDirectory = workingDirectory,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var limit = timeout ?? TimeSpan.FromMinutes(1);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            // Within the time limit too: a program that stops reading would otherwise hold the write for ever.
            if (input is not null)
            {
                await process.StandardInput.WriteAsync(input.AsMemory(), cancel.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {limit}:\n{await output}{await error}");
        }

        return new ToolOutput(process.ExitCode, await output, await error);
    }
}
