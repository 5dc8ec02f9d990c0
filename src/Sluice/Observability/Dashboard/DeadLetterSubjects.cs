using System.Collections.Concurrent;
using Sluice.Delivery.Sinks.Http;
using Sluice.Facade;
using Sluice.Journal;
using Sluice.Operations;

namespace Sluice.Observability.Dashboard;

/// <summary>
/// Says what each dead letter is about: the module that owns its kind is asked (employee for punches, the order for
/// orders); a stored request names its route, method and path. A message's subject never changes, so each is looked
/// up once and kept, up to a bound, instead of on every dashboard update.
/// </summary>
public sealed class DeadLetterSubjects(IJournal journal, IEnumerable<IDeadLetterSubjectSource> sources)
{
    private const int Kept = 1_000;

    private readonly Dictionary<string, IDeadLetterSubjectSource> _sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DeadLetterSubject?> _known = new();

    public async Task<IReadOnlyDictionary<Guid, DeadLetterSubject?>> DescribeAsync(IEnumerable<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var subjects = new Dictionary<Guid, DeadLetterSubject?>();
        foreach (var letter in letters)
        {
            if (subjects.ContainsKey(letter.MessageId))
            {
                continue;
            }

            if (!_known.TryGetValue(letter.MessageId, out var subject))
            {
                subject = await LookUpAsync(letter, cancellationToken);
                if (_known.Count >= Kept)
                {
                    _known.Clear();
                }

                _known[letter.MessageId] = subject;
            }

            subjects[letter.MessageId] = subject;
        }

        return subjects;
    }

    private async Task<DeadLetterSubject?> LookUpAsync(DeadLetter letter, CancellationToken cancellationToken)
    {
        if (_sources.TryGetValue(letter.Kind, out var source) && await source.DescribeAsync(letter.MessageId, cancellationToken) is { } known)
        {
            return known;
        }

        if (await journal.GetMessageAsync(letter.MessageId, cancellationToken) is not { } message
            || !message.Metadata.TryGetValue(StoreFirstIntake.RouteMetadata, out var route))
        {
            return null;
        }

        // The path without its query: a query string may carry what the route's client considers private.
        var path = HttpRequestMetadata.PathAndQuery(message.Metadata)?.Split('?', 2)[0];
        var method = HttpRequestMetadata.Method(message.Metadata);
        return new DeadLetterSubject(DeadLetterSubject.Route, route, path is null ? method : $"{method} {path}".Trim());
    }
}
