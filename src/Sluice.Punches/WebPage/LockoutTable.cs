namespace Sluice.Punches.WebPage;

/// <summary>
/// Failure windows by key, least recently touched first out once <c>capacity</c> keys are held: an attacker who
/// sends endless new names can no longer grow the table (each key is short too: the page caps its fields), and the
/// keys under attack stay, because every failure touches its key again.
/// </summary>
internal sealed class LockoutTable(int capacity)
{
    private readonly Dictionary<string, LinkedListNode<(string Key, Window Window)>> _index = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Key, Window Window)> _order = new();
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _index.Count;
            }
        }
    }

    public Window? Get(string key)
    {
        lock (_lock)
        {
            return _index.TryGetValue(key, out var node) ? node.Value.Window : null;
        }
    }

    /// <summary>Replaces the key's window with <paramref name="change"/> of it (null when it has none) and marks it the newest.</summary>
    public void Update(string key, Func<Window?, Window> change)
    {
        lock (_lock)
        {
            if (_index.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                node.Value = (key, change(node.Value.Window));
                _order.AddLast(node);
                return;
            }

            _index[key] = _order.AddLast((key, change(null)));
            if (_index.Count > capacity && _order.First is { } oldest)
            {
                _order.RemoveFirst();
                _index.Remove(oldest.Value.Key);
            }
        }
    }

    public void Remove(string key)
    {
        lock (_lock)
        {
            if (_index.Remove(key, out var node))
            {
                _order.Remove(node);
            }
        }
    }

    public sealed record Window(DateTimeOffset Started, int Failures);
}
