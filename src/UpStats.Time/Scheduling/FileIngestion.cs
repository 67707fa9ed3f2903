using NodaTime;
using UpStats.Time.Paths;

namespace UpStats.Time.Scheduling;

/// <summary>
/// Upsolver's ingestion of a storage source: a <see cref="TaskSchedule"/> (one task per <c>RUN_INTERVAL</c> block, one
/// minute by default) over a <see cref="PathLayout"/>. Each task lists only the folders its interval needs
/// (<see cref="PrefixesOf"/>), and each file belongs to the one task whose interval <c>[start, end)</c> holds its event
/// time (<see cref="TryAssign(ReadOnlySpan{char}, Instant?, out ScheduledTask, out FileEventTime)"/>), so a file is
/// ingested exactly once, by a task that lists its folder.
/// </summary>
/// <example>
/// <code>
/// var schedule = TaskSchedule.Create(Instant.FromUtc(2022, 8, 4, 11, 0), RunInterval.FromMinutes(1), endAt: Instant.FromUtc(2022, 8, 4, 12, 0));
/// var ingestion = new FileIngestion(schedule, new PathLayout(PathPattern.ParseOrThrow("yyyy/MM/dd/HH/mm"), "orders/"));
/// bool assigned = ingestion.TryAssign("orders/2022/08/04/11/03/part-1.json", null, out ScheduledTask task, out FileEventTime time);
/// // true: task is [11:03, 11:04), and lists exactly the folder orders/2022/08/04/11/03
/// IReadOnlyList&lt;PathPrefix&gt; folders = ingestion.PrefixesOf(task);
/// </code>
/// </example>
public sealed class FileIngestion
{
    /// <summary>Ingestion of <paramref name="layout"/>'s files by the tasks of <paramref name="schedule"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public FileIngestion(TaskSchedule schedule, PathLayout layout)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(layout);
        Schedule = schedule;
        Layout = layout;
    }

    /// <summary>The tasks.</summary>
    public TaskSchedule Schedule { get; }

    /// <summary>Where the files are and how their paths spell time.</summary>
    public PathLayout Layout { get; }

    /// <summary>The folders <paramref name="task"/> lists: those whose time shares an instant with its interval <c>[start, end)</c>.</summary>
    public IReadOnlyList<PathPrefix> PrefixesOf(ScheduledTask task) => Layout.Prefixes(task.Start, task.End);

    /// <summary>The task that ingests a file: the one whose interval holds the file's event time (its path's date, else <paramref name="modified"/>).</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="modified">The file's modified time, when known.</param>
    /// <param name="task">The task; <c>default</c> when there is none.</param>
    /// <param name="eventTime">The file's event time and where it came from (or why it has none).</param>
    /// <returns>Whether the file has an event time inside the schedule (false before <c>START_FROM</c> and from the last task's end on).</returns>
    public bool TryAssign(ReadOnlySpan<char> path, Instant? modified, out ScheduledTask task, out FileEventTime eventTime)
    {
        eventTime = Layout.EventTime(path, modified);
        return TaskOf(eventTime, out task);
    }

    /// <summary>The task that ingests a file given by its UTF-8 path; see <see cref="TryAssign(ReadOnlySpan{char}, Instant?, out ScheduledTask, out FileEventTime)"/>.</summary>
    /// <param name="utf8Path">The file's path.</param>
    /// <param name="modified">The file's modified time, when known.</param>
    /// <param name="task">The task; <c>default</c> when there is none.</param>
    /// <param name="eventTime">The file's event time and where it came from (or why it has none).</param>
    /// <returns>Whether the file has an event time inside the schedule.</returns>
    public bool TryAssign(ReadOnlySpan<byte> utf8Path, Instant? modified, out ScheduledTask task, out FileEventTime eventTime)
    {
        eventTime = Layout.EventTime(utf8Path, modified);
        return TaskOf(eventTime, out task);
    }

    private bool TaskOf(FileEventTime eventTime, out ScheduledTask task)
    {
        if (eventTime.Success)
        {
            return Schedule.TryGetTaskContaining(eventTime.Time, out task);
        }
        task = default;
        return false;
    }
}
