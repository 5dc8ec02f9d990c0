namespace Sluice.Journal.Migrations;

/// <summary>One schema step: SQL that runs once, in order, and what the history says of it.</summary>
public sealed record MigrationStep(string Description, string Sql);
