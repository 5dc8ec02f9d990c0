// Wolverine with its PostgreSQL message store: each POST body is published to a durable local queue, whose
// inbox row (wolverine_incoming_envelopes) is committed to PostgreSQL before PublishAsync returns and the 202 goes out.
// The handler does nothing: the comparison is about taking requests in durably, not about processing them.
using JasperFx;
using Peers.Wolverine;
using Wolverine;
using Wolverine.Postgresql;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var postgres = builder.Configuration["Postgres"] ?? throw new InvalidOperationException("Set --Postgres to a connection string.");
builder.Host.UseWolverine(options =>
{
    options.PersistMessagesWithPostgresql(postgres, "wolverine");
    options.AutoBuildMessageStorageOnStartup = AutoCreate.CreateOrUpdate;
    options.Policies.UseDurableLocalQueues();
    options.PublishMessage<Received>().ToLocalQueue("intake");
    // Handled rows stay in the inbox (status Handled) well past the run, so bench/peers.sh can count them.
    options.Durability.KeepAfterMessageHandling = TimeSpan.FromHours(1);
    options.Durability.Mode = DurabilityMode.Solo;
    options.UseRuntimeCompilation();
});
var app = builder.Build();
app.MapPost("/", async (HttpRequest request, IMessageBus bus, CancellationToken cancellationToken) =>
{
    using var reader = new StreamReader(request.Body);
    await bus.PublishAsync(new Received(await reader.ReadToEndAsync(cancellationToken)));
    return Results.StatusCode(StatusCodes.Status202Accepted);
});
await app.RunAsync();

namespace Peers.Wolverine
{
    public sealed record Received(string Body);

    public static class ReceivedHandler
    {
        public static void Handle(Received message)
        {
        }
    }
}
