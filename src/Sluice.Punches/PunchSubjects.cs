using Sluice.Operations;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches;

/// <summary>A punch's dead letter is about an employee: their code (the number HR knows them by) and name.</summary>
internal sealed class PunchSubjects(LedgerQueries ledger, EmployeeDirectory directory) : IDeadLetterSubjectSource
{
    public string Kind => PunchIntake.Kind;

    public async Task<DeadLetterSubject?> DescribeAsync(Guid messageId, CancellationToken cancellationToken)
    {
        if (await ledger.FindByMessageAsync(messageId, cancellationToken) is not { } punch)
        {
            return null;
        }

        var snapshot = await directory.GetAsync(cancellationToken);
        return snapshot.Employees.TryGetValue(punch.EmployeeId, out var employee)
            ? new DeadLetterSubject(DeadLetterSubject.Employee, employee.Code, employee.Name)
            : null;
    }
}
