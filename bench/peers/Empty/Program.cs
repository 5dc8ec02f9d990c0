// The ceiling of bench/peers.sh: an ASP.NET minimal endpoint that answers 202 and stores nothing.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var app = builder.Build();
app.MapPost("/", () => Results.StatusCode(StatusCodes.Status202Accepted));
app.Run();
