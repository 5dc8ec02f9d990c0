using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Sluice.Punches.Pages;

/// <summary>Renders a Razor component to an HTML string (static, no circuit, no script), for the page shell to wrap.</summary>
internal static class ComponentHtml
{
    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }
}
