using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Trace;
using Sluice.Delivery.Engine;
using Sluice.Journal.Tracing;

namespace Sluice.Observability;

/// <summary>
/// Traces across the wait: the intake request's span (ASP.NET Core's), its context stored with the message, and one
/// span per delivery attempt continuing it, with the HTTP client's span and the <c>traceparent</c> the legacy system
/// receives beneath. Off by default: nothing is listened to, stored or exported until an OTLP endpoint is set.
/// </summary>
internal static class TracingSetup
{
    public static void AddSluiceTracing(this IOpenTelemetryBuilder openTelemetry, TracingOptions tracing)
    {
        openTelemetry.Services.AddOptions<TracingOptions>()
            .BindConfiguration(TracingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        openTelemetry.Services.AddSingleton<IValidateOptions<TracingOptions>, TracingOptionsValidator>();
        if (!tracing.Enabled || tracing.Problems().Any())
        {
            return;
        }

        var http = tracing.Protocol == TracingOptions.HttpProtobuf;
        openTelemetry.WithTracing(traces => traces
            .AddSource("Microsoft.AspNetCore", "System.Net.Http", MessageTrace.SourceName, DeliveryTracing.SourceName)
            .AddOtlpExporter(otlp =>
            {
                otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                // With HTTP the endpoint is the full path; the base address is what people know their collector by.
                otlp.Endpoint = http ? new Uri(tracing.OtlpEndpoint!, "v1/traces") : tracing.OtlpEndpoint!;
                otlp.BatchExportProcessorOptions.ScheduledDelayMilliseconds = (int)tracing.ExportInterval.TotalMilliseconds;
            }));
    }

    private sealed class TracingOptionsValidator : IValidateOptions<TracingOptions>
    {
        public ValidateOptionsResult Validate(string? name, TracingOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
