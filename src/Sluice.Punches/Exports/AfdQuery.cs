namespace Sluice.Punches.Exports;

/// <summary>
/// What an AFD download asks for. <see cref="From"/> and <see cref="To"/> pick the period; <see cref="UpTo"/> and
/// <see cref="GeneratedAt"/> pin one production of it, so the same four values give the same bytes on any node at any
/// later time: records made after the first download stay out, and the header keeps its generation time. That is what
/// lets <c>afd.p7s</c>, asked for separately, sign exactly the file the client already holds.
/// </summary>
/// <param name="From">First day, <c>yyyy-MM-dd</c> in the establishment's zone (default: 30 days before today).</param>
/// <param name="To">Last day (default: today).</param>
/// <param name="UpTo">The last NSR the file may contain (default: the establishment's last record now).</param>
/// <param name="GeneratedAt">The header's generation time, to the minute, e.g. <c>2026-12-07T08:30-03:00</c> (default: now); never in the future.</param>
internal sealed record AfdQuery(string? From, string? To, long? UpTo, string? GeneratedAt);
