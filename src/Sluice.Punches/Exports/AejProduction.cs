using System.Globalization;
using Sluice.Punches.Aej;

namespace Sluice.Punches.Exports;

/// <summary>One AEJ, fixed by its establishment, days, last NSR and generation time.</summary>
internal sealed record AejProduction(Guid EstablishmentId, AejContent Content, long UpToNsr)
{
    /// <summary>The layout names no file; this one says what it is, whose, and which days: <c>AEJ{document}_{from}_{to}.txt</c>.</summary>
    public string FileName => $"AEJ{Content.Employer.Document}_{Content.From:yyyyMMdd}_{Content.To:yyyyMMdd}.txt";

    /// <summary>The query that reproduces this production (for the <c>Link</c> to its signature).</summary>
    public string Query =>
        $"from={Content.From:yyyy-MM-dd}&to={Content.To:yyyy-MM-dd}&upTo={UpToNsr}"
        + $"&generatedAt={Uri.EscapeDataString(Content.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture))}";

    public byte[] ToBytes() => AejBuilder.ToBytes(Content);
}

/// <summary>A production, or why there is none: the period is invalid (400), or something else refuses it.</summary>
internal sealed record AejPreparation(AejProduction? Production = null, Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Invalid = null,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Refused = null);
