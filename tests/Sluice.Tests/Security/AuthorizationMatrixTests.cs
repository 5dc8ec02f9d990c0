using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Text;
using Sluice.Security;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Security;

/// <summary>
/// Every operation of the OpenAPI document × every kind of caller, against the one policy table in the code
/// (<see cref="PolicyTable"/>): 401 without credentials, 403 to whom the table does not admit, in for whom it does;
/// a key limited to another establishment is refused (403) where the request names this one. Whoever adds an
/// endpoint is held to it, and the README's table must be the code's.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit calls IAsyncLifetime.DisposeAsync, which disposes it; the rule does not know that interface.")]
public sealed class AuthorizationMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private TestGateway _gateway = null!;
    private readonly Dictionary<Caller, HttpClient> _clients = [];
    private Guid _establishment;

    // Configured as production must be: a signing certificate and the developer's document, name and e-mail, so the signed
    // outputs, the AFD and the AEJ answer their readers rather than 503 for a missing setting.
    private readonly TestSigningCa _signing = new();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(TestGateway.Defaults(null))
        {
            ["Delivery:Destinations:legacy:BaseUrl"] = "http://127.0.0.1:9",
            ["Punches:DeveloperDocument"] = "45723174000110",
            ["Punches:DeveloperName"] = "Sluice Desenvolvimento Ltda",
            ["Punches:DeveloperEmail"] = "ponto@sluice.example",
        };
        _signing.Configure(settings);
        _gateway = await TestGateway.StartAsync(settings);
        _establishment = await _gateway.EstablishmentAsync();
        var elsewhere = await PunchRegistry.CreateEstablishmentAsync(_gateway.Client, "Another Ltda");
        _clients[Caller.Nobody] = await Caller.Nobody.ClientAsync(_gateway);
        foreach (var caller in Caller.All)
        {
            _clients[caller] = await caller.ClientAsync(_gateway, elsewhere);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        await _gateway.DisposeAsync();
        _signing.Dispose();
    }

    [Fact]
    public void Every_policy_has_a_row_in_the_table() =>
        Assert.Equal(SluicePolicies.All.Order(), PolicyTable.Rows.Select(r => r.Policy).Order());

    [Fact]
    public void The_README_policy_table_is_the_codes()
    {
        var readme = File.ReadAllText(Repository.File("README.md")).ReplaceLineEndings("\n");

        Assert.Contains(PolicyTable.Markdown(), readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_mapped_endpoint_names_a_policy_or_is_explicitly_anonymous()
    {
        var endpoints = EndpointCatalog.Read(_gateway);

        Assert.Contains(endpoints, e => e is { Method: "POST", Pattern: "/api/punches/" } or { Method: "POST", Pattern: "/api/punches" });
        Assert.Empty(endpoints.Where(e => e.Problem is not null).Select(e => $"{e}: {e.Problem}"));
    }

    [Fact]
    public async Task Every_documented_operation_answers_every_caller_as_the_policy_table_says()
    {
        var operations = await OpenApiCatalog.ReadAsync(_gateway);
        Assert.Contains(operations, o => o is { Method: "POST", Policy: SluicePolicies.Orders });
        var failures = new List<string>();
        var checkedCount = 0;
        foreach (var operation in operations)
        {
            output.WriteLine($"{operation,-55} {operation.Policy}");
            if (operation.Anonymous)
            {
                continue;
            }

            if (!SluicePolicies.All.Contains(operation.Policy))
            {
                failures.Add($"{operation} names no policy of the table ('{operation.Policy}')");
                continue;
            }

            foreach (var (caller, client) in _clients)
            {
                using var response = await SendAsync(client, operation);
                checkedCount++;
                var status = response.StatusCode;
                var problem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                var expected = Expected(caller, operation);
                var ok = expected switch
                {
                    HttpStatusCode.OK => status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500,
                    _ => status == expected && problem,
                };
                if (!ok)
                {
                    failures.Add($"{operation} answered {caller} {(int)status}, expected {(expected == HttpStatusCode.OK ? "admitted" : ((int)expected).ToString(CultureInfo.InvariantCulture))}");
                }
            }
        }

        Assert.True(checkedCount >= 200, $"only {checkedCount} checks ran");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Anonymous_operations_answer_without_credentials()
    {
        var operations = await OpenApiCatalog.ReadAsync(_gateway);
        foreach (var operation in operations.Where(o => o.Anonymous && o.Method == "GET" && !o.Template.Contains('{')))
        {
            using var response = await SendAsync(_clients[Caller.Nobody], operation);
            Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{operation}: {(int)response.StatusCode}");
        }
    }

    /// <summary>401 for nobody, 403 for whom the table leaves out or a key limited elsewhere where the path names this establishment; else admitted (OK).</summary>
    private static HttpStatusCode Expected(Caller caller, DocumentedOperation operation)
    {
        if (caller == Caller.Nobody)
        {
            return HttpStatusCode.Unauthorized;
        }

        if (!caller.AdmittedBy(operation.Policy))
        {
            return HttpStatusCode.Forbidden;
        }

        return caller.ScopedElsewhere && NamesTheEstablishment(operation) ? HttpStatusCode.Forbidden : HttpStatusCode.OK;
    }

    private static bool NamesTheEstablishment(DocumentedOperation operation) => operation.Template.StartsWith("/api/establishments/{id}", StringComparison.Ordinal);

    /// <summary>Headers only, with a deadline: an admitted caller may open a stream (server-sent events) that never ends.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpClient client, DocumentedOperation operation)
    {
        var path = operation.Template;
        foreach (var (name, _, schemaType, format) in operation.Parameters.Where(p => p.In == "path"))
        {
            var value = format == "uuid"
                ? (NamesTheEstablishment(operation) && name == "id" ? _establishment : Guid.NewGuid()).ToString()
                : schemaType is "integer" or "number" ? "1" : "sample";
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path);
        if (operation.BodyType is { } type)
        {
            request.Content = new StringContent(type.Contains("json", StringComparison.Ordinal) ? "{}" : "", Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
    }
}
