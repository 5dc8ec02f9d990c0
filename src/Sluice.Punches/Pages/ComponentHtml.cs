using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Sluice.Punches.Pages;

/// <summary>Renders a Razor component to an HTML string on the server (static, no circuit, no script), every value HTML-encoded by Razor.</summary>
internal static class ComponentHtml
{
    /// <summary>Encodes every value put in a page. All Unicode ranges are allowed so "João" stays readable in the source;
    /// the characters that matter to HTML (&lt; &gt; &amp; " ' and controls) are always encoded.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var pageServices = new PageServices(services);
        await using var renderer = new HtmlRenderer(pageServices, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>The request's services, with the page encoder in place of the default one (which escapes every accent).</summary>
    private sealed class PageServices(IServiceProvider inner) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : inner.GetService(serviceType);
    }
}
