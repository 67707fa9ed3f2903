using UpStats.Time.Parsing;

namespace UpStats.Time.Tests.Parsing;

/// <summary>The branch-free calendar arithmetic against NodaTime's ISO calendar, for every date of 0001–9999.</summary>
public class CivilCalendarTest
{
    [Fact]
    public void DaysFromCivil_EveryDate_CountsDaysFrom1970LikeNodaTime()
    {
        long expected = Period.Between(new LocalDate(1970, 1, 1), new LocalDate(1, 1, 1), PeriodUnits.Days).Days;
        int checkedDates = 0;
        for (int year = 1; year <= 9999; year++)
        {
            for (int month = 1; month <= 12; month++)
            {
                int days = CalendarSystem.Iso.GetDaysInMonth(year, month);
                Assert.Equal((uint)days, CivilCalendar.DaysInMonth((uint)year, (uint)month));
                for (int day = 1; day <= days; day++, expected++, checkedDates++)
                {
                    long actual = CivilCalendar.DaysFromCivil((uint)year, (uint)month, (uint)day);
                    if (actual != expected)
                    {
                        Assert.Fail($"{year:D4}-{month:D2}-{day:D2}: {actual}, expected {expected}");
                    }
                }
            }
            Assert.Equal(CalendarSystem.Iso.IsLeapYear(year), CivilCalendar.IsLeapYear((uint)year));
        }
        Assert.Equal(3_652_059, checkedDates);
        Assert.Equal(0, CivilCalendar.DaysFromCivil(1970, 1, 1));
    }
}
