using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>
/// Renders registration plans for Trino's Hive connector:
/// <c>CALL system.register_partition(schema_name => 'web', table_name => 'events_pt', partition_columns => ARRAY['year', …], partition_values => ARRAY['2024', …], location => '…');</c>
/// </summary>
/// <remarks>
/// Trino literals double a quote; identifiers go in double quotes when not plain or reserved, or when the user
/// quoted them. The procedure is off by default: the catalog needs <c>hive.allow-register-partition-procedure=true</c>.
/// It fails for a partition that already exists (it has no <c>IF NOT EXISTS</c>) and the Trino CLI stops a script at the
/// first error, so a scheduled re-run must print only what became ready since the previous run
/// (<see cref="StatementOptions.ReadyAfter"/>); JDBC and HTTP clients take statements without the trailing <c>;</c>
/// (<see cref="StatementOptions.Semicolons"/>). A <c>catalog.schema.table</c> name calls <c>catalog.system.register_partition</c>.
/// </remarks>
/// <example>
/// With the plan of <see cref="RegistrationPlan"/>'s example:
/// <code>
/// RegisterAction first = plan.Actions.OfType&lt;RegisterAction&gt;().First();
/// string statement = TrinoStatementRenderer.RegisterPartition("web.events_pt", first);
/// // CALL system.register_partition(schema_name =&gt; 'web', table_name =&gt; 'events_pt', partition_columns =&gt; ARRAY['year', 'month', 'day', 'hour'],
/// //   partition_values =&gt; ARRAY['2024', '11', '03', '00'], location =&gt; 's3://bucket/events/year=2024/month=11/day=03/hour=07');
/// </code>
/// </example>
public static class TrinoStatementRenderer
{
    /// <summary>The <c>CALL … register_partition(…);</c> statement of one registration.</summary>
    /// <param name="table"><c>schema.table</c> or <c>catalog.schema.table</c>.</param>
    /// <param name="action">The registration.</param>
    /// <exception cref="ArgumentException"><paramref name="table"/> has no schema, or is malformed.</exception>
    public static string RegisterPartition(string table, RegisterAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var (procedure, schema, name) = Split(table);
        var columns = string.Join(", ", action.PartitionValues.Select(v => SqlText.TrinoLiteral(v.Key)));
        var values = string.Join(", ", action.PartitionValues.Select(v => SqlText.TrinoLiteral(v.Value)));
        return $"CALL {procedure}(schema_name => {SqlText.TrinoLiteral(schema)}, table_name => {SqlText.TrinoLiteral(name)}, "
            + $"partition_columns => ARRAY[{columns}], partition_values => ARRAY[{values}], location => {SqlText.TrinoLiteral(action.Location)});";
    }

    /// <summary>Every line of the plan, like <see cref="HiveStatementRenderer.Render(RegistrationPlan, string)"/> but with Trino statements.</summary>
    /// <exception cref="ArgumentException"><paramref name="table"/> has no schema, or is malformed.</exception>
    public static IReadOnlyList<string> Render(RegistrationPlan plan, string table) => Render(plan, table, StatementOptions.Default);

    /// <summary>The lines of <see cref="Render(RegistrationPlan, string)"/>, printed as <paramref name="options"/> say (re-runs, semicolons).</summary>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or malformed.</exception>
    public static IReadOnlyList<string> Render(RegistrationPlan plan, string table, StatementOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        Split(table);
        return plan.Partitions.SelectMany(p => PlanComments.Lines(p, r => RegisterPartition(table, r), SqlText.TrinoLiteral, options)).ToArray();
    }

    private static (string Procedure, string Schema, string Table) Split(string table)
    {
        var parts = SqlText.SplitQualifiedNameParts(table);
        return parts.Count switch
        {
            2 => ("system.register_partition", parts[0].Name, parts[1].Name),
            3 => ($"{SqlText.TrinoIdentifier(parts[0].Name, parts[0].Quoted)}.system.register_partition", parts[1].Name, parts[2].Name),
            _ => throw new ArgumentException($"Trino needs the table as schema.table or catalog.schema.table, not {table}.", nameof(table)),
        };
    }
}
