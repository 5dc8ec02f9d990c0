using Microsoft.AspNetCore.Components;

namespace Sluice.Punches.Pages;

/// <summary>The page shell: phone-sized, no script, no external resource, CSS inline.</summary>
public partial class PageLayout
{
    /// <summary>Inline, so the page needs nothing else (the Content-Security-Policy allows inline styles, no other origin).</summary>
    private static readonly MarkupString Style = new("""
        *{box-sizing:border-box}
        body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:18px;line-height:1.4;color:#1b1b1b;background:#f4f5f7}
        main{max-width:30rem;margin:0 auto;padding:1.25rem}
        h1{font-size:1.5rem;margin:.5rem 0 1rem}
        h2{font-size:1.05rem;margin:0 0 .5rem}
        label{display:block;font-weight:600;margin:1rem 0 .35rem}
        input{width:100%;font-size:1.3rem;padding:.8rem;border:2px solid #8a8f98;border-radius:.5rem;background:#fff}
        input:focus{outline:3px solid #0b62d6;border-color:#0b62d6}
        button{display:block;width:100%;min-height:4.5rem;margin-top:1.5rem;font-size:1.6rem;font-weight:700;color:#fff;background:#0b7a3e;border:0;border-radius:.75rem;cursor:pointer}
        button.secondary{min-height:3.5rem;margin-top:.75rem;font-size:1.15rem;color:#0b62d6;background:#fff;border:2px solid #0b62d6}
        .receipts{list-style:none;padding:0;margin:0}
        .receipts li{padding:.6rem 0;border-top:1px solid #e2e4e8}
        .nsr{font-size:.85rem;color:#555}
        .card{background:#fff;border-radius:.75rem;padding:1rem 1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
        .ok{border-left:.5rem solid #0b7a3e}
        .error{border-left:.5rem solid #b3261e;margin-bottom:1rem}
        .error h1{color:#b3261e}
        dl{margin:0}
        dt{font-size:.85rem;color:#555;margin-top:.6rem}
        dd{margin:0;font-weight:600}
        .hash{font-family:ui-monospace,monospace;font-size:.8rem;word-break:break-all;font-weight:400}
        a{color:#0b62d6}
        .actions{margin-top:1.25rem;display:flex;gap:1rem;flex-wrap:wrap}
        main:has(table.espelho){max-width:48rem}
        table.espelho{width:100%;border-collapse:collapse;background:#fff;font-size:.85rem;margin-top:1rem}
        .espelho th,.espelho td{text-align:left;vertical-align:top;padding:.35rem .4rem;border-top:1px solid #e2e4e8}
        .espelho thead th{background:#e9ebef}
        .espelho .weekday{font-weight:400;color:#555}
        .espelho .treated{color:#0b62d6;font-weight:600}
        .espelho .disregarded{color:#8a8f98}
        .espelho .reason{font-size:.75rem;color:#555}
        .espelho .flag{font-size:.75rem;color:#b3261e}
        .espelho tr.missing th{color:#b3261e}
        .espelho .totals{font-weight:700;background:#f0f6ff}
        form.month{display:flex;gap:.5rem;align-items:end;margin-top:1rem}
        form.month label{margin:0;align-self:center}
        form.month input{flex:1;min-width:0;width:auto;font-size:1rem}
        form.month button{margin:0;min-height:3.1rem;width:auto;padding:0 1rem;white-space:nowrap}
        .legend{font-size:.8rem;color:#555}
        @media print{body{background:#fff;font-size:12pt}main{max-width:none}.card{box-shadow:none;border:1px solid #000}.actions,.noprint{display:none}}
        """);

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    [Parameter, EditorRequired] public RenderFragment ChildContent { get; set; } = null!;
}
