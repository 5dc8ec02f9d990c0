// The floor any durable design on SQLite should reach: the body stored, fsync'd and only then answered 202,
// by a single writer that commits whatever requests are waiting as one batch (group commit). Two rows per
// message (the message and its pending delivery), one statement per table per batch whatever the batch size.
using Peers.SqliteBaseline;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton(new GroupCommitStore(builder.Configuration["Database"] ?? "baseline.db"));
builder.Services.AddHostedService(services => services.GetRequiredService<GroupCommitStore>());
var app = builder.Build();
app.MapPost("/", async (HttpRequest request, GroupCommitStore store, CancellationToken cancellationToken) =>
{
    using var reader = new StreamReader(request.Body);
    await store.StoreAsync(await reader.ReadToEndAsync(cancellationToken), cancellationToken);
    return Results.StatusCode(StatusCodes.Status202Accepted);
});
app.Run();
