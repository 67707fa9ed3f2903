namespace UpStats.Time.Paths;

/// <summary>Where a file's event time came from (Upsolver's rule for storage sources).</summary>
public enum FileTimeSource
{
    /// <summary>Neither: the path did not match the date pattern and the file has no modified time.</summary>
    None = 0,

    /// <summary>The date pattern read in the file's path.</summary>
    Pattern = 1,

    /// <summary>The file's modified time (its path did not match the date pattern).</summary>
    Modified = 2,
}
