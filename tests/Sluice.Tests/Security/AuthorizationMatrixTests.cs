using System.Net;
using Sluice.Security;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Security;

/// <summary>
/// Every endpoint the app maps, whoever added it: it names a policy (or is explicitly anonymous), answers 401
/// without credentials and 403 to a caller the policy does not admit, and lets in those it does.
/// </summary>
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    /// <summary>Who each policy admits; everyone else must get 403.</summary>
    public static readonly Dictionary<string, Caller[]> Admitted = new()
    {
        [SluicePolicies.Intake] = [Caller.Admin, Caller.Hr, Caller.Device, Caller.App],
        [SluicePolicies.Read] = [Caller.Admin, Caller.Hr, Caller.Auditor],
        [SluicePolicies.Registry] = [Caller.Admin, Caller.Hr, Caller.App],
        [SluicePolicies.Manage] = [Caller.Admin],
    };

    private TestGateway _gateway = null!;
    private readonly Dictionary<Caller, HttpClient> _clients = [];

    public async Task InitializeAsync()
    {
        // The benchmark endpoint is mapped too, so it is held to the same rule.
        _gateway = await TestGateway.StartAsync(new Dictionary<string, string?>(TestGateway.Defaults(null))
        {
            ["Benchmark:NoopEndpoint"] = "true",
            ["Delivery:Destinations:legacy:BaseUrl"] = "http://127.0.0.1:9",
        });
        foreach (var caller in Caller.All)
        {
            _clients[caller] = await caller.ClientAsync(_gateway);
        }
    }

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    /// <summary>Headers only, with a deadline: an admitted caller may open a stream (server-sent events) that never ends.</summary>
    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, MappedEndpoint endpoint)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await client.SendAsync(endpoint.Request(), HttpCompletionOption.ResponseHeadersRead, deadline.Token);
    }

    [Fact]
    public void Every_policy_has_a_row_in_the_matrix() =>
        Assert.Equal(SluicePolicies.All.Order(), Admitted.Keys.Order());

    [Fact]
    public void Every_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = EndpointCatalog.Read(_gateway);
        foreach (var e in endpoints)
        {
            output.WriteLine($"{e,-45} {(e.Anonymous ? "anonymous" : e.Policy)}");
        }

        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/api/punches/" } or { Method: "POST", Pattern: "/api/punches" });
        Assert.Empty(endpoints.Where(e => e.Problem is not null).Select(e => $"{e}: {e.Problem}"));
    }

    [Fact]
    public async Task Every_protected_endpoint_answers_401_problem_without_credentials()
    {
        var failures = new List<string>();
        foreach (var endpoint in EndpointCatalog.Read(_gateway).Where(e => !e.Anonymous))
        {
            using var response = await SendAsync(_gateway.AnonymousClient, endpoint);
            if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                failures.Add($"{endpoint}: {(int)response.StatusCode} {response.Content.Headers.ContentType}");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_protected_endpoint_refuses_callers_its_policy_does_not_admit_with_403_and_lets_in_the_others()
    {
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var endpoint in EndpointCatalog.Read(_gateway).Where(e => e is { Anonymous: false, Policy: not null }))
        {
            var admitted = Admitted[endpoint.Policy!];
            foreach (var caller in Caller.All)
            {
                using var response = await SendAsync(_clients[caller], endpoint);
                var status = response.StatusCode;
                checkedCount++;
                if (admitted.Contains(caller))
                {
                    if (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        failures.Add($"{endpoint} refused {caller} ({(int)status}), whom '{endpoint.Policy}' admits");
                    }
                }
                else if (status != HttpStatusCode.Forbidden || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{endpoint} answered {caller} {(int)status}, not a 403 problem");
                }
            }
        }

        Assert.True(checkedCount >= 10, $"only {checkedCount} checks ran");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Anonymous_endpoints_answer_without_credentials()
    {
        foreach (var endpoint in EndpointCatalog.Read(_gateway).Where(e => e.Anonymous && e.Method == "GET" && !e.Pattern.Contains('{')))
        {
            using var response = await SendAsync(_gateway.AnonymousClient, endpoint);
            Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{endpoint}: {(int)response.StatusCode}");
        }
    }
}
