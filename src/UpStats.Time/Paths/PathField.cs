namespace UpStats.Time.Paths;

/// <summary>A date-time field of a <see cref="PathPattern"/>, from the largest to the smallest.</summary>
public enum PathField
{
    /// <summary>Not a field: literal text.</summary>
    None = 0,

    /// <summary><c>yyyy</c> (or <c>YYYY</c>): the calendar year, four digits.</summary>
    Year = 1,

    /// <summary><c>MM</c>: the month, 01–12.</summary>
    Month = 2,

    /// <summary><c>dd</c>: the day of the month, 01–31.</summary>
    Day = 3,

    /// <summary><c>HH</c>: the hour of the day, 00–23.</summary>
    Hour = 4,

    /// <summary><c>mm</c>: the minute of the hour, 00–59.</summary>
    Minute = 5,
}
