using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sluice.Cli;

/// <summary>
/// How the API commands reach a running gateway: its address and, once endpoints require them, credentials
/// (a bearer token for people, an API key for apps). Options win over environment variables.
/// </summary>
internal sealed class ServerConnection
{
    public static readonly Option<Uri> Server = new("--server")
    {
        Description = "The gateway's address (env SLUICE_SERVER).",
        DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("SLUICE_SERVER") is { Length: > 0 } env ? env : "http://localhost:5080"),
        Recursive = true,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (Uri.TryCreate(token, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            result.AddError($"'{token}' is not an http(s) address for --server, e.g. http://localhost:5080.");
            return null;
        },
    };

    // No DefaultValueFactory on the two credentials: help prints a default's value, and these are secrets. The
    // environment is read when the client is made instead (see Credential).
    public static readonly Option<string?> Token = new("--token")
    {
        Description = "A bearer token sent as 'Authorization: Bearer' (env SLUICE_TOKEN).",
        Recursive = true,
    };

    public static readonly Option<string?> ApiKey = new("--api-key")
    {
        Description = "An API key sent as 'X-Api-Key' (env SLUICE_API_KEY).",
        Recursive = true,
    };

    public static void AddTo(Command command)
    {
        command.Options.Add(Server);
        command.Options.Add(Token);
        command.Options.Add(ApiKey);
    }

    public static HttpClient CreateClient(ParseResult result, TimeSpan? timeout = null, int connections = 16)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = result.GetValue(Server),
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        if (Credential(result, Token, "SLUICE_TOKEN") is { } token)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (Credential(result, ApiKey, "SLUICE_API_KEY") is { } key)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    /// <summary>The option's value, else the environment variable's; null when neither is set.</summary>
    private static string? Credential(ParseResult result, Option<string?> option, string variable) =>
        result.GetValue(option) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>A path on the server with those query parameters that have a value (null or empty ones are left out), escaped.</summary>
    public static string PathWithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary>Runs one API call; a failure is printed (with the problem details' title and field errors) as exit code 1.</summary>
    public static async Task<int> CallAsync(string command, Func<Task<int>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException ex)
        {
            await Console.Error.WriteLineAsync($"{command}: {ex.Message}");
            return 1;
        }
        catch (HttpRequestException ex)
        {
            await Console.Error.WriteLineAsync($"{command}: cannot reach the server ({ex.Message}).");
            return 1;
        }
        catch (TaskCanceledException)
        {
            await Console.Error.WriteLineAsync($"{command}: the server did not answer in time.");
            return 1;
        }
    }

    /// <summary>Throws <see cref="ApiException"/> for an unsuccessful answer, describing it from its problem details.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var detail = "";
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = problem.RootElement;
            if (root.TryGetProperty("title", out var title))
            {
                detail = $": {title.GetString()}";
            }

            if (root.TryGetProperty("detail", out var more) && more.ValueKind == JsonValueKind.String)
            {
                detail += $" {more.GetString()}";
            }

            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                detail += " " + string.Join("; ", errors.EnumerateObject().Select(e => $"{e.Name}: {string.Join(" ", e.Value.EnumerateArray().Select(v => v.GetString()))}"));
            }
        }
        catch (JsonException)
        {
            // Not problem details: the status says enough.
        }

        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? " (give credentials with --token or --api-key)"
            : "";
        throw new ApiException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase}{detail}{hint}");
    }
}

internal sealed class ApiException(string message) : Exception(message);
