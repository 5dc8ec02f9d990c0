namespace Sluice.Punches.Registry;

/// <summary>
/// The registry in memory, so intake finds an employee without a database round trip. Changes made on this node
/// reload it at once; changes made on other nodes (PostgreSQL) are seen by <see cref="RegistryRefresher"/>'s
/// version poll, and at once by a lookup that misses (see <see cref="RefreshIfStaleAsync"/>).
/// </summary>
internal sealed class EmployeeDirectory(RegistryStore store) : IDisposable
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile DirectorySnapshot? _current;

    public async ValueTask<DirectorySnapshot> GetAsync(CancellationToken ct) => _current ?? await LoadAsync(_ => false, ct);

    /// <summary>After a change made on this node: the next lookup must see it.</summary>
    public Task<DirectorySnapshot> ReloadAsync(CancellationToken ct) => LoadAsync(_ => true, ct);

    /// <summary>One read of the registry's version; a reload only when another node changed it.</summary>
    public async Task<DirectorySnapshot> RefreshIfStaleAsync(CancellationToken ct)
    {
        var version = await store.VersionAsync(ct);
        return _current is { } current && current.Version >= version ? current : await LoadAsync(c => c.Version < version, ct);
    }

    public void Dispose() => _reload.Dispose();

    /// <summary>
    /// Loads one at a time; a caller that waited while another loaded takes that result when it is recent enough,
    /// so a burst of requests at start (or of misses) costs one load, not one each.
    /// </summary>
    private async Task<DirectorySnapshot> LoadAsync(Func<DirectorySnapshot, bool> staleIf, CancellationToken ct)
    {
        await _reload.WaitAsync(ct);
        try
        {
            if (_current is { } current && !staleIf(current))
            {
                return current;
            }

            var snapshot = new DirectorySnapshot(await store.LoadAsync(ct));
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _reload.Release();
        }
    }
}

/// <summary>An immutable view of the registry; lookups never lock.</summary>
internal sealed class DirectorySnapshot
{
    private readonly Dictionary<string, Employee[]> _byCode;
    private readonly Dictionary<string, Employee[]> _byCpf;
    private readonly Dictionary<string, Employee[]> _byPin;
    private readonly Dictionary<Guid, TimeZoneInfo> _zones;

    public DirectorySnapshot(RegistrySnapshot registry)
    {
        Version = registry.Version;
        Establishments = registry.Establishments.ToDictionary(e => e.Id);
        _zones = registry.Establishments.ToDictionary(e => e.Id, e => TimeZoneInfo.FindSystemTimeZoneById(e.TimeZone));
        Employees = registry.Employees.ToDictionary(e => e.Id);
        Devices = registry.Devices.ToDictionary(d => d.Serial, StringComparer.Ordinal);
        _byCode = Group(registry.Employees, e => e.Code);
        _byCpf = Group(registry.Employees, e => e.Cpf);
        _byPin = Group(registry.Employees.Where(e => e.Pin is not null), e => e.Pin!);
    }

    public long Version { get; }

    public IReadOnlyDictionary<Guid, Establishment> Establishments { get; }

    public IReadOnlyDictionary<Guid, Employee> Employees { get; }

    public IReadOnlyDictionary<string, Device> Devices { get; }

    /// <summary>The establishment's zone: its recording times, timesheet days and AFD are in it.</summary>
    public TimeZoneInfo Zone(Guid establishmentId) => _zones[establishmentId];

    public IReadOnlyList<Employee> ByCode(string code) => _byCode.GetValueOrDefault(code) ?? [];

    public IReadOnlyList<Employee> ByCpf(string cpf) => _byCpf.GetValueOrDefault(cpf) ?? [];

    public IReadOnlyList<Employee> ByPin(string pin) => _byPin.GetValueOrDefault(pin) ?? [];

    private static Dictionary<string, Employee[]> Group(IEnumerable<Employee> employees, Func<Employee, string> key) =>
        employees.GroupBy(key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}
