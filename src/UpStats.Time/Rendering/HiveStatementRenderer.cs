using UpStats.Time.Partitioning;

namespace UpStats.Time.Rendering;

/// <summary>
/// Renders registration plans as Hive / Spark SQL / Athena DDL:
/// <c>ALTER TABLE events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='01') LOCATION '…';</c>
/// </summary>
/// <remarks>
/// Identifiers are bare when plain and in backticks otherwise; literals use backslash escapes, the rule shared
/// by Hive and Spark SQL (Athena DDL is Hive's). <c>IF NOT EXISTS</c> makes re-running a plan harmless.
/// </remarks>
/// <example>
/// With the plan of <see cref="RegistrationPlan"/>'s example:
/// <code>
/// RegisterAction first = plan.Actions.OfType&lt;RegisterAction&gt;().First();
/// string statement = HiveStatementRenderer.AddPartition("db.events_pt", first);
/// // ALTER TABLE db.events_pt ADD IF NOT EXISTS PARTITION (year='2024', month='11', day='03', hour='00') LOCATION 's3://bucket/events/year=2024/month=11/day=03/hour=07';
/// IReadOnlyList&lt;string&gt; lines = HiveStatementRenderer.Render(plan, "db.events_pt");  // comments and statements, in partition order
/// </code>
/// </example>
public static class HiveStatementRenderer
{
    /// <summary>The <c>ALTER TABLE … ADD IF NOT EXISTS PARTITION (…) LOCATION '…';</c> statement of one registration.</summary>
    /// <param name="table">The table, optionally qualified (<c>db.events_pt</c>; quote a part with backticks if it holds a dot).</param>
    /// <param name="action">The registration.</param>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or malformed.</exception>
    public static string AddPartition(string table, RegisterAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var name = string.Join(".", SqlText.SplitQualifiedNameParts(table).Select(p => SqlText.HiveIdentifier(p.Name, p.Quoted)));
        var spec = string.Join(", ", action.PartitionValues.Select(v => $"{SqlText.HiveIdentifier(v.Key)}={SqlText.HiveLiteral(v.Value)}"));
        return $"ALTER TABLE {name} ADD IF NOT EXISTS PARTITION ({spec}) LOCATION {SqlText.HiveLiteral(action.Location)};";
    }

    /// <summary>
    /// Every line of the plan, in partition order: a statement per ready partition, preceded by comment lines
    /// listing the copies of a materialisation; a comment for each skipped or waiting partition.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or malformed.</exception>
    public static IReadOnlyList<string> Render(RegistrationPlan plan, string table) => Render(plan, table, StatementOptions.Default);

    /// <summary>The lines of <see cref="Render(RegistrationPlan, string)"/>, printed as <paramref name="options"/> say (re-runs, semicolons).</summary>
    /// <exception cref="ArgumentException"><paramref name="table"/> is empty or malformed.</exception>
    public static IReadOnlyList<string> Render(RegistrationPlan plan, string table, StatementOptions options)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(options);
        SqlText.SplitQualifiedName(table);
        return plan.Partitions.SelectMany(p => PlanComments.Lines(p, r => AddPartition(table, r), SqlText.HiveLiteral, options)).ToArray();
    }
}
