using System.Globalization;
using System.Text;

namespace Sluice.Bench.Orders;

/// <summary>
/// The benchmark as an SVG line chart: time against number of orders, one line per mode. The time axis is
/// logarithmic, because the two series differ by two to three orders of magnitude and a linear axis would draw
/// the concurrent one flat on zero. Extrapolated points are hollow, on a dashed line.
/// </summary>
internal static class BenchChart
{
    private const double Width = 760, Height = 440, Left = 70, Right = 40, Top = 50, Bottom = 60;

    private static readonly (string Mode, string Color, string Label)[] Series =
    [
        ("sequential", "#c0392b", "sequential (concurrency 1)"),
        ("concurrent", "#2471a3", "concurrent"),
    ];

    public static string Render(IReadOnlyList<BenchResult> results, string title)
    {
        var maxOrders = results.Max(r => r.Orders);
        var lowDecade = Math.Floor(Math.Log10(Math.Max(0.001, results.Min(r => r.Seconds))));
        var highDecade = Math.Ceiling(Math.Log10(Math.Max(0.001, results.Max(r => r.Seconds))));
        highDecade = Math.Max(highDecade, lowDecade + 1);
        double X(double orders) => Left + (orders / maxOrders * (Width - Left - Right));
        double Y(double seconds) => Height - Bottom - ((Math.Log10(Math.Max(seconds, 0.001)) - lowDecade) / (highDecade - lowDecade) * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Invariant($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Width / 2}\" y=\"24\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">{Escape(title)}</text>\n"));

        // Time axis: one line per decade, labelled.
        for (var decade = lowDecade; decade <= highDecade; decade++)
        {
            var y = Y(Math.Pow(10, decade));
            svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{y:0.#}\" x2=\"{Width - Right}\" y2=\"{y:0.#}\" stroke=\"#ddd\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left - 8}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{Decade(decade)}</text>\n"));
        }

        // Orders axis: a tick at every size measured.
        foreach (var orders in results.Select(r => r.Orders).Distinct().Order())
        {
            var x = X(orders);
            svg.Append(Invariant($"<line x1=\"{x:0.#}\" y1=\"{Height - Bottom}\" x2=\"{x:0.#}\" y2=\"{Height - Bottom + 5}\" stroke=\"#333\"/>\n"));
            svg.Append(Invariant($"<text x=\"{x:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{orders}</text>\n"));
        }

        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        svg.Append(Invariant($"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        svg.Append(Invariant($"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\">orders processed</text>\n"));
        svg.Append(Invariant($"<text x=\"18\" y=\"{(Top + Height - Bottom) / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 18 {(Top + Height - Bottom) / 2})\">time to process all (log scale)</text>\n"));

        // The legend sits in the top-left corner of the plot, above where the slowest small run lands.
        var legendY = Top + 12.0;
        foreach (var (mode, color, label) in Series)
        {
            var points = results.Where(r => r.Mode == mode).OrderBy(r => r.Orders).ToList();
            if (points.Count == 0)
            {
                continue;
            }

            for (var i = 1; i < points.Count; i++)
            {
                var dashed = points[i].Extrapolated ? " stroke-dasharray=\"6 4\"" : "";
                svg.Append(Invariant($"<line x1=\"{X(points[i - 1].Orders):0.#}\" y1=\"{Y(points[i - 1].Seconds):0.#}\" x2=\"{X(points[i].Orders):0.#}\" y2=\"{Y(points[i].Seconds):0.#}\" stroke=\"{color}\" stroke-width=\"2\"{dashed}/>\n"));
            }

            // Concurrent labels go below their points, sequential ones above; a label that would overlap the previous
            // one of its series is left out (the printed table has every figure).
            var below = mode == "concurrent";
            var lastLabelX = double.NegativeInfinity;
            foreach (var point in points)
            {
                var fill = point.Extrapolated ? "white" : color;
                svg.Append(Invariant($"<circle cx=\"{X(point.Orders):0.#}\" cy=\"{Y(point.Seconds):0.#}\" r=\"4\" fill=\"{fill}\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
                if (X(point.Orders) - lastLabelX < 60)
                {
                    continue;
                }

                lastLabelX = X(point.Orders);
                var rightmost = point.Orders > maxOrders * 0.8;
                var labelX = X(point.Orders) + (rightmost ? -6 : 6);
                var labelY = Y(point.Seconds) + (below ? 18 : -8);
                var anchor = rightmost ? "end" : "start";
                svg.Append(Invariant($"<text x=\"{labelX:0.#}\" y=\"{labelY:0.#}\" text-anchor=\"{anchor}\" fill=\"{color}\" font-size=\"10\">{Seconds(point.Seconds)}{(point.Extrapolated ? " (est.)" : "")}</text>\n"));
            }

            svg.Append(Invariant($"<line x1=\"{Left + 15}\" y1=\"{legendY}\" x2=\"{Left + 40}\" y2=\"{legendY}\" stroke=\"{color}\" stroke-width=\"2\"/>\n"));
            svg.Append(Invariant($"<text x=\"{Left + 45}\" y=\"{legendY + 4}\">{Escape(label)}</text>\n"));
            legendY += 20;
        }

        svg.Append(Invariant($"<circle cx=\"{Left + 27}\" cy=\"{legendY}\" r=\"4\" fill=\"white\" stroke=\"#555\" stroke-width=\"2\"/>\n"));
        svg.Append(Invariant($"<text x=\"{Left + 45}\" y=\"{legendY + 4}\">extrapolated</text>\n"));
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>The results as a Markdown table.</summary>
    public static string Table(IReadOnlyList<BenchResult> results)
    {
        var table = new StringBuilder("| orders | sequential (concurrency 1) | concurrent | speed-up |\n|---:|---:|---:|---:|\n");
        foreach (var orders in results.Select(r => r.Orders).Distinct().Order())
        {
            var sequential = results.FirstOrDefault(r => r.Mode == "sequential" && r.Orders == orders);
            var concurrent = results.FirstOrDefault(r => r.Mode == "concurrent" && r.Orders == orders);
            var speedup = sequential is not null && concurrent is not null ? Invariant($"{sequential.Seconds / concurrent.Seconds:0}×") : "";
            table.Append(Invariant($"| {orders} | {Cell(sequential)} | {Cell(concurrent)} | {speedup} |\n"));
        }

        return table.ToString();
    }

    private static string Cell(BenchResult? result) =>
        result is null ? "" : Invariant($"{result.Seconds:0.000} s{(result.Extrapolated ? " (extrapolated)" : "")}");

    private static string Seconds(double seconds) => seconds switch
    {
        >= 10 => Invariant($"{seconds:0.#} s"),
        >= 1 => Invariant($"{seconds:0.00} s"),
        _ => Invariant($"{seconds * 1000:0} ms"),
    };

    private static string Decade(double exponent) => exponent >= 0
        ? Invariant($"{Math.Pow(10, exponent):0} s")
        : Invariant($"{Math.Pow(10, exponent + 3):0} ms");

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
