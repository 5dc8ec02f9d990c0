using System.Text.Json;
using Sluice.Hosting;

namespace Sluice.Tests.Docs.Readme;

internal static class DotnetRunShim
{
    /// <summary>
    /// A shell function in place of <c>dotnet</c>: <c>dotnet run --project src/Sluice [-c …] [--no-build]
    /// [--no-launch-profile] [-- args]</c> runs the built Sluice with args, in the launch profile's environment unless
    /// told not to; any other dotnet command is the real one.
    /// </summary>
    public static string Script(string repositoryRoot, Func<string, string> substitute)
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "src", "Sluice", "Properties", "launchSettings.json")));
        var profile = settings.RootElement.GetProperty("profiles").GetProperty("Sluice");
        var environment = profile.GetProperty("environmentVariables").EnumerateObject()
            .Select(v => $"{v.Name}={Quote(v.Value.GetString()!)}")
            .Append($"ASPNETCORE_URLS={Quote(substitute(profile.GetProperty("applicationUrl").GetString()!))}");
        return $$"""
            dotnet() {
              if [ "$1" != run ] || [ "$2" != --project ] || [ "$3" != src/Sluice ]; then
                command dotnet "$@"; return
              fi
              shift 3
              local profile=1
              while [ $# -gt 0 ]; do
                case "$1" in
                  --) shift; break ;;
                  -c|--configuration) shift 2 ;;
                  --no-build) shift ;;
                  --no-launch-profile) profile=0; shift ;;
                  *) echo "README test: 'dotnet run ... $1' is not an option the test can stand in for" >&2; return 64 ;;
                esac
              done
              if [ "$profile" = 1 ]; then
                env {{string.Join(' ', environment)}} dotnet {{Quote(typeof(SluiceServer).Assembly.Location)}} "$@"
              else
                command dotnet {{Quote(typeof(SluiceServer).Assembly.Location)}} "$@"
              fi
            }
            """;
    }

    private static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
