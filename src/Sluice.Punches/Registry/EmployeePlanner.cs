namespace Sluice.Punches.Registry;

/// <summary>
/// Decides what a set of employee rows does to an establishment's employees: create, change, leave alone, or
/// refuse a row whose code, CPF or PIN belongs to someone else. Pure, so it runs inside the write transaction
/// on the employees as they are at that moment.
/// </summary>
internal sealed class EmployeePlanner
{
    private readonly Guid _establishmentId;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<Guid, Employee> _byId;
    private readonly Dictionary<string, Employee> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Employee> _byCpf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Employee> _byPin = new(StringComparer.Ordinal);

    public EmployeePlanner(Guid establishmentId, IReadOnlyList<Employee> current, DateTimeOffset now)
    {
        _establishmentId = establishmentId;
        _now = now;
        _byId = current.ToDictionary(e => e.Id);
        foreach (var employee in current)
        {
            Index(employee);
        }
    }

    public List<EmployeeChange> Changes { get; } = [];

    public EmployeeRowResult Apply(EmployeeRow row)
    {
        var request = row.Request;
        var cpf = BrazilianDocuments.Digits(request.Cpf);
        Employee? existing;
        if (row.TargetId is { } targetId)
        {
            if (!_byId.TryGetValue(targetId, out existing))
            {
                return new EmployeeRowResult(row.Number, EmployeeRowOutcome.NotFound, null, "id", "No employee with this id in the establishment.");
            }
        }
        else
        {
            _byCode.TryGetValue(request.Code!, out existing);
        }

        if (existing is not null && row.CreateOnly)
        {
            return Refused(row, "code", $"Employee {request.Code} already exists: change them with PUT /api/employees/{existing.Id}.");
        }

        if (_byCode.TryGetValue(request.Code!, out var sameCode) && sameCode.Id != existing?.Id)
        {
            return Refused(row, "code", $"Code {request.Code} already belongs to another employee.");
        }

        if (_byCpf.TryGetValue(cpf, out var sameCpf) && sameCpf.Id != existing?.Id)
        {
            return Refused(row, "cpf", $"This CPF already belongs to employee {sameCpf.Code}.");
        }

        if (request.Pin is { } pin && _byPin.TryGetValue(pin, out var samePin) && samePin.Id != existing?.Id)
        {
            return Refused(row, "pin", $"This PIN already belongs to employee {samePin.Code}.");
        }

        var result = existing is null
            ? new Employee(Guid.CreateVersion7(_now), _establishmentId, request.Code!, request.Name!.Trim(), cpf, request.Pin, row.WebPinHash,
                request.Active ?? true, _now, _now)
            : existing with
            {
                Code = request.Code!,
                Name = request.Name!.Trim(),
                Cpf = cpf,
                Pin = request.Pin,
                WebPinHash = row.WebPinHash ?? existing.WebPinHash,
                Active = request.Active ?? existing.Active,
            };
        if (existing is not null && result == existing)
        {
            return new EmployeeRowResult(row.Number, EmployeeRowOutcome.Unchanged, existing, null, null);
        }

        if (existing is not null)
        {
            result = result with { UpdatedAt = _now };
            Unindex(existing);
        }

        _byId[result.Id] = result;
        Index(result);
        Changes.Add(new EmployeeChange(existing, result));
        return new EmployeeRowResult(row.Number, existing is null ? EmployeeRowOutcome.Created : EmployeeRowOutcome.Updated, result, null, null);
    }

    private static EmployeeRowResult Refused(EmployeeRow row, string field, string reason) =>
        new(row.Number, EmployeeRowOutcome.Refused, null, field, reason);

    private void Index(Employee employee)
    {
        _byCode[employee.Code] = employee;
        _byCpf[employee.Cpf] = employee;
        if (employee.Pin is not null)
        {
            _byPin[employee.Pin] = employee;
        }
    }

    private void Unindex(Employee employee)
    {
        _byCode.Remove(employee.Code);
        _byCpf.Remove(employee.Cpf);
        if (employee.Pin is not null)
        {
            _byPin.Remove(employee.Pin);
        }
    }
}

/// <param name="Number">The row's line in an import (or 1 for a single request).</param>
/// <param name="WebPinHash">The new web PIN, already hashed (outside the transaction: hashing is slow on purpose).</param>
/// <param name="TargetId">Set when an existing employee is changed by id; otherwise the code finds them.</param>
/// <param name="CreateOnly">Refuse the row when the code already exists (a create, not an import).</param>
internal sealed record EmployeeRow(int Number, EmployeeRequest Request, string? WebPinHash, Guid? TargetId = null, bool CreateOnly = false);

internal enum EmployeeRowOutcome
{
    Created,
    Updated,
    Unchanged,
    Refused,
    NotFound,
}

internal sealed record EmployeeRowResult(int Number, EmployeeRowOutcome Outcome, Employee? Employee, string? Field, string? Reason);
