using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using Sluice.Delivery.Engine;

namespace Sluice.Delivery.Sinks.RabbitMq;

/// <summary>Makes the <c>rabbitmq</c> sink for each destination that names it; closes their connections at shutdown.</summary>
internal sealed class RabbitMqSinkFactory(IConfiguration configuration, ILoggerFactory loggers) : OwningSinkFactory<RabbitMqSink>
{
    public override string Kind => "rabbitmq";

    protected override RabbitMqSink Make(string destination, IConfigurationSection section)
    {
        var options = new RabbitMqSinkOptions();
        section.Bind(options);
        options.Uri ??= configuration.GetConnectionString(destination);
        var factory = new ConnectionFactory
        {
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = options.RecoveryInterval,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(10),
        };
        var errors = Validate(destination, options, factory);
        if (errors.Count > 0)
        {
            // Reported like every other bad setting: Sluice stops with exit code 2, naming each problem.
            throw new OptionsValidationException(destination, typeof(RabbitMqSinkOptions), errors);
        }

        return new RabbitMqSink(destination, factory, options, loggers.CreateLogger<RabbitMqSink>());
    }

    private static List<string> Validate(string destination, RabbitMqSinkOptions options, ConnectionFactory factory)
    {
        var at = $"Delivery:Destinations:{destination}";
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true);
        var errors = problems.Select(p => $"{at}: {p.ErrorMessage}").ToList();
        if (string.IsNullOrWhiteSpace(options.Uri))
        {
            errors.Add($"{at}:Uri (or ConnectionStrings:{destination}) must name the RabbitMQ broker, e.g. amqp://guest:guest@localhost:5672/.");
        }
        else
        {
            try
            {
                factory.Uri = new Uri(options.Uri);
            }
            catch (Exception ex) when (ex is UriFormatException or ArgumentException)
            {
                errors.Add($"{at}:Uri is not an amqp:// or amqps:// URI: {ex.Message}");
            }
        }

        if (options.RecoveryInterval <= TimeSpan.Zero)
        {
            errors.Add($"{at}:RecoveryInterval must be positive.");
        }

        if (options.Mode is not { } mode || !(mode.Equals("publish", StringComparison.OrdinalIgnoreCase) || options.IsRpc))
        {
            errors.Add($"{at}:Mode '{options.Mode}' must be publish or rpc.");
        }

        errors.AddRange(options.EventTypes
            .Where(t => string.IsNullOrWhiteSpace(t.Value) || t.Value.Any(c => c is '*' or '#' || char.IsWhiteSpace(c)))
            .Select(t => $"{at}:EventTypes:{t.Key} '{t.Value}' must be a routing key without spaces or wildcards, e.g. punch.recorded."));
        return errors;
    }
}
