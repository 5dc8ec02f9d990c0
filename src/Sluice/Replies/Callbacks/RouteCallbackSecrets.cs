using Microsoft.Extensions.Options;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Facade;

namespace Sluice.Replies.Callbacks;

/// <summary>Callback secrets are the routes' own, read from the current route table (it reloads with the settings).</summary>
internal sealed class RouteCallbackSecrets(StoreFirstRouteTable routes, IOptionsMonitor<CallbacksOptions> options) : IWebhookSecrets
{
    public string? Find(string name) => routes.Routes.FirstOrDefault(r => r.Name == name)?.Options.Reply.CallbackSecret;

    public bool AllowsHost(Uri target) => options.CurrentValue.Allows(target);
}
