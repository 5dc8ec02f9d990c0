using System.ComponentModel.DataAnnotations;

namespace Sluice.Observability;

/// <summary>
/// The <c>Observability:Tracing</c> section: spans exported over OTLP to a collector (Jaeger, Tempo, the OpenTelemetry
/// Collector). Off unless <see cref="OtlpEndpoint"/> is set.
/// </summary>
public sealed record TracingOptions
{
    public const string Section = "Observability:Tracing";

    public const string HttpProtobuf = "http/protobuf";

    public const string Grpc = "grpc";

    /// <summary>The collector's base address, e.g. <c>http://collector:4318</c> (HTTP) or <c>http://collector:4317</c> (gRPC).</summary>
    public Uri? OtlpEndpoint { get; init; }

    /// <summary><c>http/protobuf</c> (spans posted to <c>{OtlpEndpoint}/v1/traces</c>) or <c>grpc</c>.</summary>
    public string Protocol { get; init; } = HttpProtobuf;

    /// <summary>The <c>service.name</c> the spans and metrics carry.</summary>
    [Required]
    public string ServiceName { get; init; } = "sluice";

    /// <summary>Longest a finished span waits before it is exported.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ExportInterval { get; init; } = TimeSpan.FromSeconds(5);

    public bool Enabled => OtlpEndpoint is not null;

    /// <summary>Every problem at once, each naming its setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (OtlpEndpoint is { } endpoint && (!endpoint.IsAbsoluteUri || endpoint.Scheme is not ("http" or "https")))
        {
            yield return $"{Section}:OtlpEndpoint '{endpoint}' must be an absolute http or https URL, e.g. http://collector:4318.";
        }

        if (Protocol is not (HttpProtobuf or Grpc))
        {
            yield return $"{Section}:Protocol must be '{HttpProtobuf}' or '{Grpc}', not '{Protocol}'.";
        }
    }
}
