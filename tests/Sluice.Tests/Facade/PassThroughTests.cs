using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sluice.Testing;

namespace Sluice.Tests.Facade;

/// <summary>Paths Sluice does not own go to the legacy system through YARP, as they came, and come back as they went.</summary>
public sealed class PassThroughTests : LegacyGatewayTest
{
    [Theory]
    [InlineData("GET", null)]
    [InlineData("POST", """{"employeeId":"1001","hours":8}""")]
    [InlineData("PUT", """{"employeeId":"1001","hours":7.5}""")]
    public async Task A_request_round_trips_to_the_legacy_system_with_its_method_path_query_headers_and_body(string method, string? body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/legacy/timesheets/1001?week=2026-W47&sort=desc");
        request.Headers.Add("X-Tenant", "acme");
        request.Headers.Add("X-Trace", "abc 123");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await Gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(method, echo.GetProperty("method").GetString());
        Assert.Equal("/legacy/timesheets/1001?week=2026-W47&sort=desc", echo.GetProperty("path").GetString());
        Assert.Equal(body ?? "", echo.GetProperty("body").GetString());
        var headers = echo.GetProperty("headers");
        Assert.Equal("acme", headers.GetProperty("X-Tenant").GetString());
        Assert.Equal("abc 123", headers.GetProperty("X-Trace").GetString());
        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
        Assert.Equal("http", headers.GetProperty("X-Forwarded-Proto").GetString());
        Assert.Equal(Gateway.BaseAddress.Authority, headers.GetProperty("X-Forwarded-Host").GetString());
        if (body is not null)
        {
            Assert.StartsWith("application/json", headers.GetProperty("Content-Type").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_legacy_status_and_response_headers_come_back_unchanged()
    {
        await Legacy.ConfigureAsync(new { rejectStatus = 418 });

        using var response = await Gateway.Client.DeleteAsync("/legacy/teapots/1");

        Assert.Equal((HttpStatusCode)418, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("Legacy system refuses the request (418)", problem!.Title);
    }

    [Fact]
    public async Task Endpoints_Sluice_maps_itself_are_not_forwarded()
    {
        using var live = await Gateway.Client.GetAsync("/health/live");
        using var punch = await Gateway.PostPunchAsync("1001");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, punch.StatusCode);
        Assert.DoesNotContain(Legacy.System.Requests(0, 1000),
            r => r.Path.StartsWith("/health", StringComparison.Ordinal) || r.Path.StartsWith("/api/punches", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_method_content_type_or_id_on_a_path_Sluice_owns_is_refused_not_forwarded()
    {
        using var text = await Gateway.Client.PostAsync("/api/punches", new StringContent("""{"employeeId":"1001"}""", Encoding.UTF8, "text/plain"));
        using var delete = await Gateway.Client.DeleteAsync("/api/punches");
        using var notAnId = await Gateway.Client.GetAsync("/api/punches/not-a-guid");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal("application/problem+json", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, delete.StatusCode);
        Assert.Contains("POST", delete.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.NotFound, notAnId.StatusCode);
        Assert.Empty(Legacy.System.Requests(0, 1000));
    }

    [Fact]
    public async Task The_pass_through_is_not_held_to_the_per_caller_rate_that_Sluice_endpoints_are()
    {
        var settings = TestGateway.Defaults(Legacy.BaseAddress);
        settings["Limits:RatePerSecond"] = "1";
        settings["Limits:RateBurst"] = "2";
        await using var limited = await TestGateway.StartAsync(settings);

        var forwarded = new List<HttpStatusCode>();
        var own = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var legacy = await limited.AnonymousClient.GetAsync($"/legacy/employees/{i}");
            using var destinations = await limited.Client.GetAsync("/api/destinations");
            forwarded.Add(legacy.StatusCode);
            own.Add(destinations.StatusCode);
        }

        Assert.All(forwarded, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Contains(HttpStatusCode.TooManyRequests, own);
    }

    [Fact]
    public async Task The_answer_is_streamed_to_the_client_not_buffered()
    {
        // A legacy endpoint that sends its first part, then waits until the client has it before sending the rest:
        // a proxy that buffered the whole answer would never deliver the first part, and the test would time out.
        var firstPartSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var slow = builder.Build();
        slow.MapGet("/legacy/report", async (HttpContext context) =>
        {
            await context.Response.WriteAsync("first part;");
            await context.Response.Body.FlushAsync();
            await firstPartSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await context.Response.WriteAsync("second part");
        });
        await slow.StartAsync();
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(new Uri(slow.Urls.First())));

        using var response = await gateway.Client.GetAsync("/legacy/report", HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64];
        var first = Encoding.UTF8.GetString(buffer, 0, await body.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        firstPartSeen.SetResult();
        using var rest = new StreamReader(body);

        Assert.Equal("first part;", first);
        Assert.Equal("second part", await rest.ReadToEndAsync());
    }

    [Fact]
    public async Task With_pass_through_off_paths_Sluice_does_not_own_are_not_found()
    {
        var settings = TestGateway.Defaults(Legacy.BaseAddress);
        settings["Facade:PassThrough"] = "false";
        await using var gateway = await TestGateway.StartAsync(settings);

        using var response = await gateway.Client.GetAsync("/legacy/employees/1001");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(Legacy.System.Requests(0, 100));
    }

    [Fact]
    public async Task A_legacy_system_that_is_down_gets_a_quick_502_problem()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(new Uri($"http://127.0.0.1:{GatewayProcess.FreePort()}")));
        var clock = Stopwatch.StartNew();

        using var response = await gateway.Client.PostAsync("/legacy/orders", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("The legacy system cannot be reached.", problem!.Title);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }
}
