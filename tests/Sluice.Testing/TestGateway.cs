using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Hosting;
using Sluice.Journal;
using Sluice.Operations;
using Sluice.Security;

namespace Sluice.Testing;

/// <summary>
/// A real Sluice gateway on a free loopback port with its own journal file, built exactly as
/// <c>Program</c> builds it; settings are passed as command-line overrides.
/// </summary>
public sealed class TestGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _ownedFolder;
    private readonly SemaphoreSlim _registering = new(1, 1);
    private readonly HashSet<string> _registered = new(StringComparer.Ordinal);
    private readonly string _startedAt;
    private Guid? _establishment;

    private TestGateway(WebApplication app, Uri baseAddress, string journalPath, string? ownedFolder)
    {
        _app = app;
        _ownedFolder = ownedFolder;
        BaseAddress = baseAddress;
        JournalPath = journalPath;
        Client = TestCredentials.Client(baseAddress, TestCredentials.Bearer(SluiceRoles.Admin));
        AnonymousClient = TestCredentials.Client(baseAddress);
        _startedAt = Now();
    }

    public Uri BaseAddress { get; }

    /// <summary>Sends an admin's bearer token: good for every endpoint.</summary>
    public HttpClient Client { get; }

    /// <summary>Sends no credentials.</summary>
    public HttpClient AnonymousClient { get; }

    public string JournalPath { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Settings every test gateway gets unless overridden: fast retries, quick polls, quiet logs. With no legacy
    /// address the in-process simulator is asked for by name, as a production start must.
    /// </summary>
    public static Dictionary<string, string?> Defaults(Uri? legacy) => new()
    {
        ["Legacy:BaseUrl"] = legacy?.ToString(),
        ["Legacy:Simulator:Enabled"] = legacy is null ? "true" : null,
        ["Delivery:PollInterval"] = "00:00:00.200",
        ["Delivery:Destinations:legacy:BackoffBase"] = "00:00:00.050",
        ["Delivery:Destinations:legacy:BackoffMax"] = "00:00:00.200",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <param name="settings">Configuration overrides, e.g. <c>["Journal:MaxSizeMb"] = "1"</c>; null values are left out.</param>
    /// <param name="journalPath">Reuse a journal file (to restart on the same data); default: a new temporary one.</param>
    /// <param name="time">A clock for the gateway's own timing (schedules, retries, receipts), e.g. a <c>FakeTimeProvider</c>.</param>
    /// <param name="settingsFile">A JSON settings file read like appsettings.json, reloaded when it changes.</param>
    public static async Task<TestGateway> StartAsync(
        IDictionary<string, string?> settings, string? journalPath = null, TimeProvider? time = null, string? settingsFile = null)
    {
        string? owned = null;
        if (journalPath is null)
        {
            owned = Directory.CreateTempSubdirectory("sluice-test-").FullName;
            journalPath = Path.Combine(owned, "sluice.db");
        }

        var args = new List<string> { "--urls=http://127.0.0.1:0", $"--Journal:Path={journalPath}" };
        args.AddRange(TestCredentials.With(settings).Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}"));
        var app = SluiceServer.Build([.. args], builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            if (settingsFile is not null)
            {
                // Before the command line, as appsettings.json is, so overrides still win.
                var file = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = settingsFile, Optional = false, ReloadOnChange = true };
                file.ResolveFileProvider();
                builder.Configuration.Sources.Insert(0, file);
            }
        });
        return new TestGateway(app, await app.StartListeningAsync(), journalPath, owned);
    }

    public T Service<T>()
        where T : notnull => _app.Services.GetRequiredService<T>();

    /// <summary>A client with the given credentials: a person's roles, or an API key (see <see cref="CreateApiKeyAsync"/>).</summary>
    public HttpClient CreateClient(string[]? roles = null, string? apiKey = null) =>
        TestCredentials.Client(BaseAddress, roles is null ? null : TestCredentials.Bearer(roles), apiKey);

    /// <summary>
    /// Creates an API key through the API, as an admin would, and returns its secret. The key records
    /// <see cref="TestCredentials.PersonCpf"/> as the person responsible, so an <c>app</c> key may change the registry.
    /// </summary>
    public async Task<string> CreateApiKeyAsync(string kind = ApiKeyKinds.Device, string? establishmentId = null, string name = "test key")
    {
        using var response = await Client.PostAsJsonAsync("/api/keys", new { name, kind, establishmentId, responsibleCpf = TestCredentials.PersonCpf });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!.Key;
    }

    /// <summary>The first page of dead letters, as <c>GET /api/dead-letters</c> answers it.</summary>
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync() =>
        (await Client.GetFromJsonAsync<DeadLetterPage>("/api/dead-letters"))!.Items;

    /// <summary>The establishment <see cref="PostPunchAsync"/> registers employees in, created on first use (or found again after a restart).</summary>
    public async Task<Guid> EstablishmentAsync()
    {
        await _registering.WaitAsync();
        try
        {
            return _establishment ??= await PunchRegistry.DefaultEstablishmentAsync(Client);
        }
        finally
        {
            _registering.Release();
        }
    }

    /// <summary>Registers employees (by code) in the test establishment, unless already registered here.</summary>
    public async Task RegisterEmployeesAsync(params string[] codes)
    {
        var establishment = await EstablishmentAsync();
        await _registering.WaitAsync();
        try
        {
            var missing = codes.Where(c => !_registered.Contains(c)).Distinct().ToList();
            if (missing.Count > 0)
            {
                await PunchRegistry.ImportEmployeesAsync(Client, establishment, missing);
                _registered.UnionWith(missing);
            }
        }
        finally
        {
            _registering.Release();
        }
    }

    /// <summary>
    /// Posts a punch for the employee with this code, registering them first if needed; <paramref name="punchedAt"/>
    /// defaults to the gateway's clock when it started (São Paulo offset), so a repeat with the same idempotency key
    /// is the same request.
    /// </summary>
    public async Task<HttpResponseMessage> PostPunchAsync(string employeeId, string? punchedAt = null, string? idempotencyKey = null)
    {
        await RegisterEmployeesAsync(employeeId);
        punchedAt ??= _startedAt;
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
        {
            Content = JsonContent.Create(new { employeeId, punchedAt, deviceId = "TEST-1" }),
        };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>The gateway's clock now, as a punch time with the São Paulo offset.</summary>
    public string Now() => Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(-3))
        .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        AnonymousClient.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedFolder is not null)
        {
            Directory.Delete(_ownedFolder, recursive: true);
        }
    }
}
