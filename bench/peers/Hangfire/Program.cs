// Hangfire with Hangfire.PostgreSql: each POST body becomes a fire-and-forget job, BackgroundJob.Enqueue commits it
// (job, state, queue rows) to PostgreSQL before returning, and only then the 202 goes out. No Hangfire server runs in
// this app: the jobs wait in the queue, as requests would while the app only takes them in.
using Hangfire;
using Hangfire.PostgreSql;
using Peers.Hangfire;

// Enqueue is synchronous (Hangfire has no async client API): every request in flight holds a pool thread while it
// waits for PostgreSQL, and the pool adds threads only slowly, so without this 64 connections starve it for seconds.
ThreadPool.GetMinThreads(out _, out var completionPorts);
ThreadPool.SetMinThreads(256, completionPorts);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var postgres = builder.Configuration["Postgres"] ?? throw new InvalidOperationException("Set --Postgres to a connection string.");
GlobalConfiguration.Configuration
    .UseSimpleAssemblyNameTypeSerializer()
    .UseRecommendedSerializerSettings()
    .UsePostgreSqlStorage(connection => connection.UseNpgsqlConnection(postgres), new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = true });
var app = builder.Build();
app.MapPost("/", async (HttpRequest request, CancellationToken cancellationToken) =>
{
    using var reader = new StreamReader(request.Body);
    var body = await reader.ReadToEndAsync(cancellationToken);
    BackgroundJob.Enqueue(() => Received.Handle(body));
    return Results.StatusCode(StatusCodes.Status202Accepted);
});
app.Run();

namespace Peers.Hangfire
{
    public static class Received
    {
        public static void Handle(string body)
        {
        }
    }
}
