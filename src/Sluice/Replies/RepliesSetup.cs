using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Hosting;
using Sluice.Replies.Callbacks;

namespace Sluice.Replies;

internal static class RepliesSetup
{
    public static WebApplicationBuilder AddReplies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<RepliesOptions, RepliesOptionsValidator>(RepliesOptions.SectionName);
        services.AddSingleton<ReplyWaiter>();
        services.AddCheckedOptions<CallbacksOptions, CallbacksOptionsValidator>(CallbacksOptions.SectionName);
        services.AddSingleton<IWebhookSecrets, RouteCallbackSecrets>();
        services.AddSingleton<IOutcomeFollowUps, CallbackFollowUps>();
        services.AddJsonContext(RepliesJsonContext.Default);
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddOperationTransformer<PreferWaitTransformer>());
        return builder;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReplyPending))]
[JsonSerializable(typeof(CallbackPayload))]
internal sealed partial class RepliesJsonContext : JsonSerializerContext;
