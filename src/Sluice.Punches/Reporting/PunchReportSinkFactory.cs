using System.ComponentModel.DataAnnotations;
using Npgsql;
using Sluice.Delivery.Engine;

namespace Sluice.Punches.Reporting;

/// <summary>Makes the <c>postgres</c> sink for each destination that names it; closes their connection pools at shutdown.</summary>
internal sealed class PunchReportSinkFactory(IConfiguration configuration) : OwningSinkFactory<PunchReportSink>
{
    public override string Kind => "postgres";

    protected override PunchReportSink Make(string destination, IConfigurationSection section)
    {
        var options = new PunchReportOptions();
        section.Bind(options);
        options.ConnectionString ??= configuration.GetConnectionString(destination);
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true)
            || string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            var reasons = problems.Select(p => p.ErrorMessage)
                .Append(string.IsNullOrWhiteSpace(options.ConnectionString) ? $"set ConnectionString or ConnectionStrings:{destination}" : null)
                .OfType<string>();
            throw new InvalidOperationException($"Destination '{destination}' (postgres): {string.Join("; ", reasons)}.");
        }

        var connection = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            MaxPoolSize = options.MaxConnections,
            ApplicationName = $"sluice-{destination}",
        };
        return new PunchReportSink(NpgsqlDataSource.Create(connection), options);
    }
}
