namespace Sluice.Punches.Storage;

/// <summary>
/// How one engine spells the placeholders of the punches' shared schema texts (<see cref="LedgerSchema"/>,
/// <see cref="TreatmentSchema"/>, <see cref="EmployeeIndex"/>, <see cref="AdmsSchema"/>).
/// </summary>
/// <param name="RowId">What follows a table that has no use for a rowid (<c>{rowid}</c>).</param>
/// <param name="Uuid">The type of an id column (<c>{uuid}</c>).</param>
/// <param name="Index">What precedes an index's name (<c>{index}</c>): SQLite puts the schema there.</param>
/// <param name="On">What precedes the table an index is on (<c>{on}</c>): PostgreSQL puts the schema there.</param>
internal sealed record SchemaSpelling(string RowId, string Uuid, string Index, string On)
{
    public static readonly SchemaSpelling Sqlite = new(RowId: " WITHOUT ROWID", Uuid: "blob", Index: "{schema}.", On: "ON ");

    public static readonly SchemaSpelling Postgres = new(RowId: "", Uuid: "uuid", Index: "", On: "ON {schema}.");

    public string Fill(string text) => text
        .Replace("{rowid}", RowId, StringComparison.Ordinal)
        .Replace("{uuid}", Uuid, StringComparison.Ordinal)
        .Replace("{index}", Index, StringComparison.Ordinal)
        .Replace("{on}", On, StringComparison.Ordinal);
}
