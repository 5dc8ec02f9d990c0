using System.Diagnostics;

namespace Sluice.Testing;

/// <summary>
/// Runs a checker written by others (openssl, pdfsig, pdftotext, docker-compose, Redocly) on Sluice's outputs. A missing tool fails the test,
/// in CI and on a developer's machine alike: a test that passed without its outside check would prove nothing.
/// </summary>
public static class ExternalTool
{
    /// <summary>Throws, naming the Debian package, when <paramref name="name"/> is not on PATH.</summary>
    public static void Require(string name, string package)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(folder => File.Exists(Path.Combine(folder, name)));
        if (!found)
        {
            throw new InvalidOperationException($"'{name}' is not installed (Debian package {package}); ./test.sh installs it.");
        }
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

    /// <summary>Runs the tool (a name on PATH, or a full path) to its end; returns its exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string name, params string[] arguments) =>
        RunAsync(new Dictionary<string, string>(), name, arguments);

    /// <param name="environment">Variables for the tool, on top of this process's.</param>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, string name, params string[] arguments)
    {
        if (!Path.IsPathRooted(name))
        {
            Require(name, name switch { "openssl" => "openssl", "docker-compose" => "docker-compose", _ => "poppler-utils" });
        }

        var start = new ProcessStartInfo(name) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
