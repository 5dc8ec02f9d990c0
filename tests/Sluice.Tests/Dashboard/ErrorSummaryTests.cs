using Sluice.Observability.Dashboard;

namespace Sluice.Tests.Dashboard;

public sealed class ErrorSummaryTests
{
    [Fact]
    public void A_problem_body_reads_as_its_status_and_its_sentence()
    {
        const string error = "HTTP 422 Unprocessable Entity: {\"type\":\"https://tools.ietf.org/html/rfc9110#section-15.5.21\","
            + "\"title\":\"Legacy system refuses the request (422)\",\"status\":422,\"traceId\":\"00-abc-01\"}";

        Assert.Equal("HTTP 422 Unprocessable Entity — Legacy system refuses the request (422)", ErrorSummary.Of(error));
    }

    [Fact]
    public void What_the_engine_said_in_front_is_kept()
    {
        Assert.Equal("Refused permanently: HTTP 422 Unprocessable Entity — no such employee",
            ErrorSummary.Of("Refused permanently: HTTP 422 Unprocessable Entity: {\"title\":\"no such employee\"}"));
        Assert.Equal("Gave up after 8 attempts: HTTP 503 Service Unavailable",
            ErrorSummary.Of("Gave up after 8 attempts: HTTP 503 Service Unavailable"));
    }

    [Fact]
    public void Detail_is_preferred_to_title_and_nested_fields_are_not_taken()
    {
        const string error = "HTTP 400 Bad Request: {\"errors\":{\"detail\":\"nested\"},\"title\":\"Invalid\",\"detail\":\"employee 77 is unknown\"}";

        Assert.Equal("HTTP 400 Bad Request — employee 77 is unknown", ErrorSummary.Of(error));
    }

    [Fact]
    public void A_body_cut_at_the_sink_limit_still_gives_what_was_read()
    {
        Assert.Equal("HTTP 500 Internal Server Error — db down", ErrorSummary.Of("HTTP 500 Internal Server Error: {\"error\":\"db down\",\"stack\":\"at Foo.Bar(…"));
    }

    [Fact]
    public void Text_bodies_give_their_first_line_and_other_errors_stay_as_they_are()
    {
        Assert.Equal("HTTP 503 Service Unavailable — maintenance", ErrorSummary.Of("HTTP 503 Service Unavailable: maintenance\nback at 23:00"));
        Assert.Equal("Connection failed: Connection refused (127.0.0.1:9)", ErrorSummary.Of("Connection failed: Connection refused (127.0.0.1:9)"));
        Assert.Null(ErrorSummary.Of(null));
        Assert.Equal(ErrorSummary.MaxLength, ErrorSummary.Of("HTTP 500 Oops: " + new string('x', 500))!.Length);
    }
}
