using Microsoft.AspNetCore.Components;

namespace Sluice.Punches.Pages;

/// <summary>One punch in the worker's list: its receipt and the signed link that opens it.</summary>
public sealed record ReceiptListItem(PunchReceiptModel Receipt, string Path);

/// <summary>The worker's receipts of the last hours (Portaria 671 Art. 80 III), each a link to the printable receipt.</summary>
public partial class ReceiptListPage
{
    public const string Title = "Meus comprovantes";

    [Parameter, EditorRequired] public string WorkerName { get; set; } = "";

    /// <summary>How far back the list goes.</summary>
    [Parameter, EditorRequired] public TimeSpan Window { get; set; }

    [Parameter, EditorRequired] public IReadOnlyList<ReceiptListItem> Items { get; set; } = [];

    internal static Task<string> RenderAsync(IServiceProvider services, string workerName, TimeSpan window, IReadOnlyList<ReceiptListItem> items) =>
        ComponentHtml.RenderAsync<ReceiptListPage>(services, new Dictionary<string, object?>
        {
            [nameof(WorkerName)] = workerName,
            [nameof(Window)] = window,
            [nameof(Items)] = items,
        });

    /// <summary>A short page that says why a receipt (or an Espelho) cannot be shown, with the way back to the form.</summary>
    internal static Task<string> MessageAsync(IServiceProvider services, string title, string text) =>
        ComponentHtml.RenderAsync<MessagePage>(services, new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Text)] = text,
        });
}
