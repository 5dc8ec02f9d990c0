namespace Sluice.Punches.Exports;

/// <summary>
/// What an AEJ download asks for. <see cref="From"/> and <see cref="To"/> pick the days; <see cref="UpTo"/> and
/// <see cref="GeneratedAt"/> pin one production: punches numbered after <see cref="UpTo"/> and treatments made after
/// <see cref="GeneratedAt"/> stay out, so <c>aej.p7s</c>, asked for later, signs the bytes the client holds (a change of
/// schedules, contracts or names since then is refused with 409 when the client gives the file's <c>sha256</c>).
/// </summary>
/// <param name="From">First day, <c>yyyy-MM-dd</c> in the establishment's zone (default: the first of this month).</param>
/// <param name="To">Last day (default: today).</param>
/// <param name="UpTo">The last NSR whose punches may count (default: the establishment's last record now).</param>
/// <param name="GeneratedAt">When the file was produced, with its offset, to the millisecond (default: now); never in the future.</param>
internal sealed record AejQuery(string? From, string? To, long? UpTo, string? GeneratedAt);
