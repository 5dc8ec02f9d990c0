using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Sluice.Punches;

namespace Sluice.Testing;

/// <summary>
/// Clients punching as fast as they are answered, each with an idempotency key, as devices do, so an
/// unanswered request can be repeated safely later. Client <c>c</c> talks to target <c>c % targets</c>;
/// a client whose target stops answering gives up and leaves its request in <see cref="Unanswered"/>.
/// </summary>
public sealed class PunchLoad : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients;

    private PunchLoad(IReadOnlyList<HttpClient> targets, int clients) =>
        _clients = Enumerable.Range(0, clients).Select(c => Task.Run(() => RunClientAsync(targets[c % targets.Count], c))).ToList();

    /// <summary>Idempotency key → the id in the 202 receipt.</summary>
    public ConcurrentDictionary<string, Guid> Acknowledged { get; } = new();

    /// <summary>Keys sent without an answer (the target died or refused): their fate is unknown to the client.</summary>
    public ConcurrentBag<string> Unanswered { get; } = [];

    public static PunchLoad Start(IReadOnlyList<HttpClient> targets, int clients) => new(targets, clients);

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    public void Dispose() => _stop.Dispose();

    /// <summary>Repeats every unanswered request at <paramref name="target"/>; each must now be acknowledged.</summary>
    public async Task ResendUnansweredAsync(HttpClient target)
    {
        foreach (var key in Unanswered)
        {
            using var response = await SendAsync(target, key);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Repeating {key} was answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            Acknowledged[key] = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
        }
    }

    /// <summary>
    /// One punch time for the whole run: a repeated request must be the same request, or its idempotency key would
    /// be refused as used for another punch.
    /// </summary>
    private static readonly string PunchedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-3))
        .ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The employees the load punches for: register them once per database before starting.</summary>
    public static IEnumerable<string> EmployeeCodes => Enumerable.Range(0, 500).Select(i => $"E{i}");

    /// <summary>
    /// Creates an establishment of its own (its own CNPJ: a test may have made the default one already) with
    /// <see cref="EmployeeCodes"/> through <paramref name="client"/>; returns its id.
    /// </summary>
    public static async Task<Guid> RegisterEmployeesAsync(HttpClient client)
    {
        var establishment = await PunchRegistry.CreateEstablishmentAsync(client, "Sluice Load Ltda");
        await PunchRegistry.ImportEmployeesAsync(client, establishment, EmployeeCodes);
        return establishment;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
        {
            Content = JsonContent.Create(new
            {
                employeeId = $"E{Math.Abs(key.GetHashCode(StringComparison.Ordinal)) % 500}",
                punchedAt = PunchedAt,
                deviceId = key,
            }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private async Task RunClientAsync(HttpClient target, int client)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var key = $"client-{client}-{i}";
            try
            {
                using var response = await SendAsync(target, key);
                if (response.StatusCode == HttpStatusCode.Accepted)
                {
                    Acknowledged[key] = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
                    continue;
                }

                Unanswered.Add(key);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                Unanswered.Add(key);
                return;
            }
        }
    }
}
